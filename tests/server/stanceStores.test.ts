import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  CampaignAction,
  Declaration,
  Endorsement,
  Paper,
  TargetList,
  TreatyStatus,
} from '../../shared/domain/stances/types'
import type { Storage } from '../../server/src/storage/Storage'
import { rawSql } from '../support/rawSql'
import { anIssue, statementMaker } from '../support/stances'
import { storageBackends, type OpenedBackend } from '../support/storageBackends'

const paper = (id: string, over: Partial<Omit<Paper, 'versions'>> = {}) => ({
  id,
  negotiationId: 'n',
  issueId: 'exemptions',
  groupId: null,
  published: true,
  provenance: 'recorded' as const,
  source: '',
  ...over,
})

const declaration = (id: string, adoptedOn: string | null): Declaration => ({
  id,
  negotiationId: 'n',
  title: `${id} Declaration`,
  roundId: null,
  adoptedOn,
  source: 'UNODA',
  reportedCounts: [{ count: 46, asOf: '2007-02-23', note: 'at the meeting', source: 'CMC' }],
})

const endorsement = (declarationId: string, actorId: string, date: string | null): Endorsement => ({
  negotiationId: 'n',
  declarationId,
  actorId,
  date,
  source: 'list',
  provenance: 'reported',
})

const status = (actorId: string, over: Partial<TreatyStatus> = {}): TreatyStatus => ({
  negotiationId: 'n',
  actorId,
  signature: '2008-12-03',
  actionDate: null,
  action: null,
  provisionalApplication: null,
  declarations: '',
  source: 'UNTC',
  ...over,
})

const target = (id: string, actorIds: string[]): TargetList => ({
  id,
  negotiationId: 'n',
  groupId: 'cmc',
  name: `List ${id}`,
  description: '',
  source: '',
  provenance: 'recorded',
  actorIds,
})

const action = (id: string, actorId: string, date: string): CampaignAction => ({
  id,
  negotiationId: 'n',
  groupId: 'cmc',
  actorId,
  kind: 'meeting',
  date,
  note: '',
  recordedAt: '2008-05-20T10:00:00Z',
  recordedBy: 'Ana',
})

// Issues, statements, papers, declarations and campaign lists: one contract, the same answers
// (orders with their ties, nulls, JSON values, timestamps as given) from every backend, and the
// database itself refusing to rewrite an append-only record.
describe.each(storageBackends)('stance stores on $name', (backend) => {
  let opened: OpenedBackend
  let storage: Storage
  beforeEach(async () => {
    opened = await backend.open()
    storage = opened.storage
    await storage.createNegotiation({ id: 'n', name: 'N' }, [])
  })
  afterEach(async () => {
    await opened.cleanup()
  })

  it('lists issues parents before children, siblings by order then id, and replaces one', async () => {
    await storage.atomically(async (tx) => {
      await tx.issues.putIssue(anIssue('transition', { order: 1 }))
      await tx.issues.putIssue(anIssue('self-destruct', { parentId: 'exemptions', order: 0 }))
      await tx.issues.putIssue(anIssue('exemptions', { order: 0, articleIds: ['art-2'] }))
      // A tie on order: byte order of ids, upper case before lower.
      await tx.issues.putIssue(anIssue('Zeta', { order: 1 }))
      await tx.issues.putIssue(anIssue('orphan', { parentId: 'gone', order: 2 }))
      await tx.issues.putIssue(anIssue('area', { parentId: 'exemptions', order: 0 }))
    })
    const ids = (await storage.issues.list('n')).map((i) => i.id)
    expect(ids).toEqual(['exemptions', 'area', 'self-destruct', 'Zeta', 'transition', 'orphan'])

    await storage.atomically(async (tx) => {
      await tx.issues.putIssue(
        anIssue('exemptions', {
          title: 'Exemptions',
          description: 'Which munitions are **not** cluster munitions',
          bracketIds: ['b-1', 'b-2'],
          proposalIds: [],
          source: 'CMC Vienna report, IV',
        }),
      )
    })
    expect(await storage.issues.get('n', 'exemptions')).toEqual(
      anIssue('exemptions', {
        title: 'Exemptions',
        description: 'Which munitions are **not** cluster munitions',
        bracketIds: ['b-1', 'b-2'],
        source: 'CMC Vienna report, IV',
      }),
    )
    expect(await storage.issues.get('n', 'nothing')).toBeNull()
    expect(await storage.issues.get('other', 'exemptions')).toBeNull()
  })

  it('keeps statements in the order recorded, per record, with publications read in', async () => {
    const said = statementMaker('exemptions')
    const entries = [
      said({
        actorId: 'FRA',
        stance: 'opposes',
        quote: 'Nous ne pouvons pas…',
        date: '2007-12-05',
      }),
      said({ actorId: 'NOR', stance: 'supports', record: 'group:cmc', published: false }),
      said({
        actorId: 'DEU',
        stance: 'concerns',
        target: { kind: 'proposal', proposalId: 'p-1' },
        roundId: null,
        record: 'delegation:DEU',
        provenance: 'recorded',
      }),
      said({ actorId: 'AUT', stance: 'statement', record: 'group:cmc', published: false }),
    ]
    await storage.atomically(async (tx) => {
      for (const s of entries) await tx.issues.addStatement({ ...s, negotiationId: 'n' })
    })
    expect(await storage.issues.listStatements('n')).toEqual(entries)
    expect(await storage.issues.listStatements('n', ['group:cmc', 'delegation:DEU'])).toEqual([
      entries[1],
      entries[2],
      entries[3],
    ])
    expect(await storage.issues.listStatements('n', [])).toEqual([])
    expect(await storage.issues.listStatements('other')).toEqual([])
    expect(await storage.issues.countStatements('n', 'group:cmc')).toBe(2)
    expect(await storage.issues.countStatements('n', 'secretariat')).toBe(1)
    expect(await storage.issues.countStatements('n', 'group:none')).toBe(0)

    // Publishing once; a second publication keeps the first.
    await storage.atomically(async (tx) => {
      await tx.issues.publishStatement('n', 's002', '2007-12-06T09:00:00Z', 'Ana')
      await tx.issues.publishStatement('n', 's002', '2007-12-07T09:00:00Z', 'Bo')
    })
    expect(await storage.issues.getStatement('n', 's002')).toEqual({
      ...entries[1],
      published: true,
      publishedAt: '2007-12-06T09:00:00Z',
    })
    expect((await storage.issues.getStatement('n', 's004'))?.published).toBe(false)
    expect(await storage.issues.getStatement('other', 's002')).toBeNull()
    await expect(
      storage.atomically((tx) => tx.issues.publishStatement('other', 's004', 'x', 'Ana')),
    ).rejects.toThrow(/no statement s004 in other/)
    // An id is taken once (append-only, never replaced).
    await expect(
      storage.atomically((tx) => tx.issues.addStatement({ ...entries[0]!, quote: 'changed' })),
    ).rejects.toThrow()
    expect((await storage.issues.getStatement('n', 's001'))?.quote).toBe('Nous ne pouvons pas…')
  })

  it('refuses in the database to update or delete statements, publications and paper versions', async () => {
    const said = statementMaker('exemptions')
    await storage.atomically(async (tx) => {
      await tx.issues.addStatement({ ...said({ actorId: 'FRA', stance: 'opposes' }) })
      await tx.issues.publishStatement('n', 's001', '2007-12-06T09:00:00Z', 'Ana')
      await tx.issues.putPaper(paper('brief'))
      await tx.issues.addPaperVersion('n', 'brief', {
        version: 1,
        title: 'Brief',
        body: 'v1',
        at: '2007-12-01T00:00:00Z',
        byName: 'Sec',
      })
    })
    const sql = rawSql(storage)
    await expect(sql("UPDATE statements SET quote = 'rewritten'")).rejects.toThrow(
      /statements is append-only/,
    )
    await expect(sql('DELETE FROM statements')).rejects.toThrow(/statements is append-only/)
    await expect(sql("UPDATE statement_publications SET by_name = 'x'")).rejects.toThrow(
      /statement_publications is append-only/,
    )
    await expect(sql('DELETE FROM statement_publications')).rejects.toThrow(/append-only/)
    await expect(sql("UPDATE paper_versions SET body = 'v0'")).rejects.toThrow(
      /paper_versions is append-only/,
    )
    await expect(sql('DELETE FROM paper_versions')).rejects.toThrow(/append-only/)
    const kept = await storage.issues.getStatement('n', 's001')
    expect(kept?.quote).toBe('')
    expect(kept?.publishedAt).toBe('2007-12-06T09:00:00Z')
    expect((await storage.issues.getPaper('n', 'brief'))?.versions.map((v) => v.body)).toEqual([
      'v1',
    ])
  })

  it('keeps papers with every version, oldest first, listed by id', async () => {
    await storage.atomically(async (tx) => {
      await tx.issues.putPaper(paper('b-paper', { groupId: 'cmc', published: false }))
      await tx.issues.putPaper(paper('a-paper', { issueId: 'transition', source: 'ICRC' }))
      for (const version of [2, 1]) {
        await tx.issues.addPaperVersion('n', 'b-paper', {
          version,
          title: `Draft ${version}`,
          body: `# Body ${version}\n\nwith “quotes”`,
          at: `2008-0${version}-01T00:00:00Z`,
          byName: 'Ana',
        })
      }
    })
    const papers = await storage.issues.listPapers('n')
    expect(papers.map((p) => p.id)).toEqual(['a-paper', 'b-paper'])
    expect(papers[0]).toEqual({
      ...paper('a-paper', { issueId: 'transition', source: 'ICRC' }),
      versions: [],
    })
    expect(papers[1]).toEqual({
      ...paper('b-paper', { groupId: 'cmc', published: false }),
      versions: [1, 2].map((version) => ({
        version,
        title: `Draft ${version}`,
        body: `# Body ${version}\n\nwith “quotes”`,
        at: `2008-0${version}-01T00:00:00Z`,
        byName: 'Ana',
      })),
    })
    expect((await storage.issues.listPapers('n', 'transition')).map((p) => p.id)).toEqual([
      'a-paper',
    ])
    // Published later: the row is replaced, its versions stay.
    await storage.atomically((tx) => tx.issues.putPaper(paper('b-paper', { groupId: 'cmc' })))
    const published = await storage.issues.getPaper('n', 'b-paper')
    expect(published?.published).toBe(true)
    expect(published?.versions).toHaveLength(2)
    expect(await storage.issues.getPaper('n', 'none')).toBeNull()
    // A version number is taken once.
    await expect(
      storage.atomically((tx) =>
        tx.issues.addPaperVersion('n', 'b-paper', {
          version: 1,
          title: 'again',
          body: '',
          at: 'x',
          byName: 'x',
        }),
      ),
    ).rejects.toThrow()
  })

  it('lists declarations unadopted first, endorsements and treaty status by actor, counts as added', async () => {
    await storage.atomically(async (tx) => {
      await tx.declarations.putDeclaration(declaration('wellington', '2008-02-22'))
      await tx.declarations.putDeclaration(declaration('oslo', '2007-02-23'))
      await tx.declarations.putDeclaration(declaration('dublin', null))
      await tx.declarations.putDeclaration({ ...declaration('adopted', null), reportedCounts: [] })
      await tx.declarations.putEndorsement(endorsement('oslo', 'NOR', '2007-02-23'))
      await tx.declarations.putEndorsement(endorsement('oslo', 'AUT', null))
      await tx.declarations.putEndorsement(endorsement('dublin', 'IRL', '2008-05-30'))
      await tx.declarations.addRoundCount({
        negotiationId: 'n',
        roundId: 'wellington',
        kind: 'endorsed',
        count: 122,
        asOf: null,
        note: 'as sources disagree',
        source: 'CMC',
      })
      await tx.declarations.addRoundCount({
        negotiationId: 'n',
        roundId: 'oslo',
        kind: 'attended',
        count: 49,
        asOf: '2007-02-23',
        note: '',
        source: 'Norway',
      })
    })
    expect((await storage.declarations.list('n')).map((d) => d.id)).toEqual([
      'adopted',
      'dublin',
      'oslo',
      'wellington',
    ])
    expect((await storage.declarations.list('n'))[2]).toEqual(declaration('oslo', '2007-02-23'))
    expect(await storage.declarations.listEndorsements('n')).toEqual([
      endorsement('dublin', 'IRL', '2008-05-30'),
      endorsement('oslo', 'AUT', null),
      endorsement('oslo', 'NOR', '2007-02-23'),
    ])
    expect(
      (await storage.declarations.listEndorsements('n', 'oslo')).map((e) => e.actorId),
    ).toEqual(['AUT', 'NOR'])
    expect((await storage.declarations.listRoundCounts('n')).map((c) => c.count)).toEqual([122, 49])
    expect((await storage.declarations.listRoundCounts('n'))[0]).toEqual({
      negotiationId: 'n',
      roundId: 'wellington',
      kind: 'endorsed',
      count: 122,
      asOf: null,
      note: 'as sources disagree',
      source: 'CMC',
    })

    await storage.atomically(async (tx) => {
      await tx.declarations.putEndorsement({ ...endorsement('oslo', 'AUT', '2007-03-01') })
      await tx.declarations.removeEndorsement('n', 'oslo', 'NOR')
      await tx.declarations.replaceTreatyStatus('n', [status('NOR'), status('AUT')])
    })
    expect(await storage.declarations.listEndorsements('n', 'oslo')).toEqual([
      endorsement('oslo', 'AUT', '2007-03-01'),
    ])
    expect(await storage.declarations.listTreatyStatus('n')).toEqual([status('AUT'), status('NOR')])
    const ratified = status('AUT', { actionDate: '2009-04-02', action: 'ratification' })
    await storage.atomically((tx) =>
      tx.declarations.replaceTreatyStatus('n', [ratified, status('IRL')]),
    )
    expect(await storage.declarations.listTreatyStatus('n')).toEqual([ratified, status('IRL')])
    // All or nothing: an import naming a state twice changes nothing.
    await expect(
      storage.atomically((tx) =>
        tx.declarations.replaceTreatyStatus('n', [status('FRA'), status('FRA')]),
      ),
    ).rejects.toThrow()
    expect(await storage.declarations.listTreatyStatus('n')).toEqual([ratified, status('IRL')])
    await storage.atomically((tx) => tx.declarations.replaceTreatyStatus('n', []))
    expect(await storage.declarations.listTreatyStatus('n')).toEqual([])
  })

  it('keeps target lists in the order added (a replaced one in its place) and actions newest first', async () => {
    await storage.atomically(async (tx) => {
      await tx.campaign.putTarget(target('strengthen', ['FRA', 'DEU']))
      await tx.campaign.putTarget(target('convince', ['GBR']))
      await tx.campaign.putTarget(target('thank', []))
      await tx.campaign.putTarget(target('strengthen', ['FRA']))
      await tx.campaign.addAction(action('x1', 'FRA', '2008-05-19'))
      await tx.campaign.addAction(action('x2', 'GBR', '2008-05-20'))
      await tx.campaign.addAction(action('x3', 'FRA', '2008-05-20'))
    })
    const lists = await storage.campaign.listTargets('n', 'cmc')
    expect(lists.map((l) => l.id)).toEqual(['strengthen', 'convince', 'thank'])
    expect(lists[0]).toEqual(target('strengthen', ['FRA']))
    expect(await storage.campaign.getTarget('n', 'cmc', 'thank')).toEqual(target('thank', []))
    expect(await storage.campaign.getTarget('n', 'other', 'thank')).toBeNull()
    expect(await storage.campaign.listTargets('n', 'other')).toEqual([])

    // Newest first; the same day, the later recorded first.
    expect((await storage.campaign.listActions('n', 'cmc')).map((a) => a.id)).toEqual([
      'x3',
      'x2',
      'x1',
    ])
    expect(await storage.campaign.listActions('n', 'cmc', 'FRA')).toEqual([
      action('x3', 'FRA', '2008-05-20'),
      action('x1', 'FRA', '2008-05-19'),
    ])

    await storage.atomically((tx) => tx.campaign.removeTarget('n', 'cmc', 'convince'))
    await storage.atomically((tx) => tx.campaign.putTarget(target('later', ['NOR'])))
    expect((await storage.campaign.listTargets('n', 'cmc')).map((l) => l.id)).toEqual([
      'strengthen',
      'later',
      'thank',
    ])
  })
})
