import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadDemoIfEmpty } from '../../server/src/negotiations/demo'
import { DEMO_STANCE_FILES } from '../../server/src/negotiations/demoStances'
import type { Participant } from '../../shared/domain/actors'
import {
  DeclarationsFileSchema,
  ReportPositionsFileSchema,
  ReportTargetsFileSchema,
  reportPositionSource,
} from '../../shared/domain/stances/demoSchema'
import type { StanceData } from '../../shared/domain/stances/stanceData'
import type { Statement } from '../../shared/domain/stances/types'
import { useTestServer } from '../support/serverHarness'
import { storageBackends } from '../support/storageBackends'

const fixture = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
const TABLE = ReportPositionsFileSchema.parse(fixture(DEMO_STANCE_FILES.positions))
const TARGETS = ReportTargetsFileSchema.parse(fixture(DEMO_STANCE_FILES.targets))
const FACTS = DeclarationsFileSchema.parse(fixture(DEMO_STANCE_FILES.declarations))
const PROPOSALS = fixture('fixtures/vienna-proposals.json') as {
  proposals: { id: string; synthetic: boolean; source: string }[]
}

// The demo, true to its source: every position the CMC's Vienna report attributes comes back
// from the API as reported, with the report's section; nothing else in the demo claims a source.
describe('the demo reproduces the Vienna report', () => {
  const { api } = useTestServer(['observer', 'ana', 'france'])
  const stances = async (who: string) => {
    const res = await api(who, 'GET', '/stances')
    expect(res.status).toBe(200)
    return res.body as StanceData
  }
  const targetOf = (s: Statement) =>
    s.target.kind === 'issue' ? `issue:${s.target.issueId}` : `proposal:${s.target.proposalId}`

  it('returns each of the report’s attributed positions as reported, with its section', async () => {
    expect(TABLE.positions).toHaveLength(64)
    const said = new Map<string, Statement[]>()
    for (const actor of new Set(TABLE.positions.map((r) => r.actorId))) {
      const res = await api('observer', 'GET', `/statements?actor=${actor}`)
      expect(res.status).toBe(200)
      said.set(actor, (res.body as { statements: Statement[] }).statements)
    }
    for (const row of TABLE.positions) {
      const statements = said.get(row.actorId) ?? []
      const targets = [
        ...(row.issueId === null ? [] : [`issue:${row.issueId}`]),
        ...(row.proposalId === undefined ? [] : [`proposal:${row.proposalId}`]),
      ]
      for (const target of targets) {
        const found = statements.filter(
          (s) =>
            s.actorId === row.actorId &&
            targetOf(s) === target &&
            s.stance === row.stance &&
            s.roundId === row.roundId,
        )
        expect(found, `${row.id} on ${target}`).toHaveLength(1)
        expect(found[0], row.id).toMatchObject({
          provenance: 'reported',
          record: 'secretariat',
          quote: row.quote,
          source: reportPositionSource(TABLE, row),
        })
        expect(found[0]?.source).toMatch(
          /^CMC report on the Vienna Conference, Dec 2007, (III|IV)\./,
        )
      }
    }
    // The report gives the conference's days, not a session's: statements on issues are undated.
    const { statements } = await stances('observer')
    expect(statements.filter((s) => s.target.kind === 'issue').every((s) => s.date === null)).toBe(
      true,
    )
    // Where the report names no ground per state, the twelve stand on the parent issue only.
    const onChildren = statements.filter(
      (s) =>
        s.target.kind === 'issue' &&
        ['self-destruct', 'failure-rate', 'sensor-fuzed'].includes(s.target.issueId),
    )
    expect(onChildren).toEqual([])
  })

  it('has nothing reported without a source, and nothing beyond the sources that is not synthetic', async () => {
    const data = await stances('ana')
    const inTable = new Set(
      TABLE.positions.flatMap((r) => [
        ...(r.issueId === null ? [] : [`${r.actorId}|issue:${r.issueId}|${r.stance}`]),
        ...(r.proposalId === undefined
          ? []
          : [`${r.actorId}|proposal:${r.proposalId}|${r.stance}`]),
      ]),
    )
    for (const s of data.statements) {
      if (s.provenance === 'reported') expect(s.source.trim(), s.id).not.toBe('')
      if (!inTable.has(`${s.actorId}|${targetOf(s)}|${s.stance}`)) {
        expect(s.provenance, s.id).toBe('synthetic')
      }
    }
    expect(data.statements.filter((s) => s.provenance === 'reported')).toHaveLength(
      TABLE.positions.filter((r) => r.issueId !== null).length +
        TABLE.positions.filter((r) => r.proposalId !== undefined).length,
    )
    // Issues are the report's, each naming where in it.
    expect(data.issues.length).toBeGreaterThanOrEqual(10)
    for (const i of data.issues) {
      expect(i.provenance, i.id).toBe('reported')
      expect(i.source, i.id).toMatch(/^CMC report on the Vienna Conference, Dec 2007, section /)
    }
    const exemptions = data.issues.filter((i) => i.parentId === 'exemptions').map((i) => i.id)
    expect(exemptions).toHaveLength(7)
    // Only Germany's phase-out is a proposal the report records; the rest are marked synthetic.
    for (const p of data.proposals) {
      if (p.id === 'p-deu-phase-out') expect(p.synthetic).toBeUndefined()
      else expect(p.synthetic, p.id).toBe(true)
    }
    expect(PROPOSALS.proposals.find((p) => p.id === 'p-deu-phase-out')?.source).toMatch(
      /^Report III/,
    )
    for (const removed of [
      'p-nor-clearance-five-years',
      'p-aut-stockpile-six-years',
      'p-fra-failure-rate',
    ]) {
      expect(data.proposals.map((p) => p.id)).not.toContain(removed)
    }
    for (const e of data.endorsements) {
      expect(e.provenance, `${e.declarationId} ${e.actorId}`).toBe('reported')
      expect(e.source.trim()).not.toBe('')
    }
    for (const l of data.targetLists) {
      expect(l.provenance, l.id).toBe('reported')
      expect(l.source).toMatch(/^CMC report on the Vienna Conference, Dec 2007, section (V|VI) /)
    }
    for (const d of data.declarations) expect(d.source.trim(), d.id).not.toBe('')
    for (const c of data.roundCounts)
      expect(c.source.trim(), `${c.roundId} ${c.count}`).not.toBe('')
    for (const t of data.treatyStatus) expect(t.source).toMatch(/^http:\/\/treaties\.un\.org\//)
  })

  it('keeps the CMC’s target lists in its group: 23, 20 and 24 states, and the two partial ones', async () => {
    const { targetLists } = await stances('ana')
    const count = (id: string) => targetLists.find((l) => l.id === id)?.actorIds.length
    expect([count('list-1'), count('list-2'), count('list-3')]).toEqual([23, 20, 24])
    expect(targetLists.find((l) => l.id === 'list-3')?.actorIds).toEqual(
      expect.arrayContaining(['COG', 'CIV', 'TTO']),
    )
    expect(targetLists.find((l) => l.id === 'list-1')?.actorIds).toEqual(
      expect.arrayContaining(['COD', 'BIH', 'LAO']),
    )
    expect(targetLists.find((l) => l.id === 'like-minded')).toMatchObject({
      groupId: 'cmc',
      actorIds: ['AUS', 'CAN', 'JPN'],
    })
    expect(targetLists.find((l) => l.id === 'like-minded')?.description).toMatch(/partial/)
    expect(targetLists.find((l) => l.id === 'problem-states')?.actorIds).toEqual(['BRA', 'COL'])
    expect(targetLists).toHaveLength(TARGETS.lists.length)
    expect((await stances('observer')).targetLists).toEqual([])
    expect((await stances('france')).targetLists).toEqual([])
  })

  it('keeps the counts sources give and lists no endorser a source does not name', async () => {
    const data = await stances('observer')
    const counts = (round: string, kind: string) =>
      data.roundCounts
        .filter((c) => c.roundId === round && c.kind === kind)
        .map((c) => c.count)
        .sort()
    expect(counts('vienna-2007', 'attended')).toEqual([138])
    expect(counts('wellington-2008', 'attended')).toEqual([103, 122])
    expect(counts('dublin-2008', 'adopted')).toEqual([107])
    expect(counts('oslo-2007', 'attended')).toEqual([49])
    const wellington = data.declarations.find((d) => d.id === 'wellington-declaration')
    expect(wellington?.reportedCounts.map((c) => [c.count, c.asOf])).toEqual([
      [82, '2008-02-22'],
      [72, '2008-02-22'],
      [105, '2008-05-06'],
    ])
    expect(data.endorsements.filter((e) => e.declarationId !== 'oslo-declaration')).toEqual([])
    const oslo = data.endorsements.map((e) => e.actorId).sort()
    expect(oslo).toEqual(FACTS.endorsements.map((e) => e.actorId).sort())
    expect(oslo).not.toEqual(expect.arrayContaining(['JPN']))
    for (const absent of ['JPN', 'POL', 'ROU']) expect(oslo).not.toContain(absent)

    // The spreadsheet invents no attendance: no one is recorded at Wellington or Dublin.
    const participants = data.participants as Participant[]
    for (const p of participants) {
      for (const round of ['lima-2007', 'wellington-2008', 'dublin-2008']) {
        expect(
          p.rounds[round] ?? { attended: false, endorsed: false },
          `${p.actorId} ${round}`,
        ).toEqual({
          attended: false,
          endorsed: false,
        })
      }
      expect(p.note).not.toMatch(/synthetic/i)
    }
    const endorsedOslo = participants
      .filter((p) => p.rounds['oslo-2007']?.endorsed)
      .map((p) => p.actorId)
    expect(endorsedOslo.sort()).toEqual(oslo)
    // The UNTC's partial list: 37 states, Afghanistan to Ecuador.
    expect(data.treatyStatus).toHaveLength(37)
    expect(data.treatyStatus.find((t) => t.actorId === 'AFG')).toMatchObject({
      signature: '2008-12-03',
      actionDate: '2011-09-08',
      action: 'ratification',
    })
  })
})

// All or nothing on every backend: a file that fails part-way leaves no issue, statement or
// declaration behind.
describe.each(storageBackends)('a broken demo fixture on $name', (backend) => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
  const temp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-demo-'))
    dirs.push(d)
    return d
  }

  it.each([
    [
      'an issue no one defined',
      'positions',
      (f: { positions: { issueId: string | null }[] }) => {
        ;(f.positions[0] as { issueId: string | null }).issueId = 'no-such-issue'
      },
    ],
    [
      'an actor that does not exist',
      'targets',
      (f: { lists: { states: { actorId: string }[] }[] }) => {
        ;(f.lists[0]?.states[0] as { actorId: string }).actorId = 'XXX'
      },
    ],
    [
      'a position without a section',
      'positions',
      (f: { positions: { section?: string }[] }) => {
        delete f.positions[0]?.section
      },
    ],
  ] as const)('leaves the database empty when a file names %s', async (_what, which, breakIt) => {
    const dir = temp()
    const broken = path.join(dir, `${which}.json`)
    const content = fixture(DEMO_STANCE_FILES[which]) as never
    ;(breakIt as (f: never) => void)(content)
    fs.writeFileSync(broken, JSON.stringify(content))
    const opened = await backend.open()
    const { storage } = opened
    try {
      await expect(
        loadDemoIfEmpty(storage, undefined, undefined, undefined, undefined, {
          ...DEMO_STANCE_FILES,
          [which]: broken,
        }),
      ).rejects.toThrow(broken)
      expect(await storage.listNegotiations()).toEqual([])
      expect(await storage.issues.list('ccm')).toEqual([])
      expect(await storage.issues.listStatements('ccm')).toEqual([])
      expect(await storage.declarations.list('ccm')).toEqual([])
    } finally {
      await opened.cleanup()
    }
  })
})
