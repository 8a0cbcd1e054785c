import { describe, expect, it } from 'vitest'
import type { Actor, Participant } from '../../shared/domain/actors'
import type { RoundState } from '../../shared/domain/rounds'
import {
  buildMatrix,
  columnSummary,
  defaultRound,
  changeText,
  matrixColumns,
  rowTreatyText,
} from '../../shared/domain/stances/matrix'
import { readCsv } from '../../shared/domain/csv'
import { matrixCsv, matrixLongTable, matrixTable } from '../../shared/domain/stances/matrixCsv'
import {
  DEFAULT_QUERY,
  matrixQueryParams,
  parseMatrixQuery,
  type MatrixQuery,
} from '../../shared/domain/stances/matrixQuery'
import type { StanceData } from '../../shared/domain/stances/stanceData'
import type { Issue, Statement } from '../../shared/domain/stances/types'
import { anIssue, statementMaker } from '../support/stances'

const round = (id: string, startDate: string): RoundState => ({
  id,
  name: `${id[0]!.toUpperCase()}${id.slice(1)} Conference`,
  place: id,
  startDate,
  endDate: startDate,
  verified: true,
  status: 'closed',
  openedAt: null,
  closedAt: null,
  snapshotName: null,
  closedBy: null,
})

const issue = (id: string, title: string, parentId: string | null, order = 0): Issue =>
  anIssue(id, { title, parentId, order })

const said = statementMaker('exemptions')

const actor = (id: string, name: string, region: string, unRegionalGroup: string): Actor => ({
  id,
  kind: 'state',
  name,
  region,
  unRegionalGroup,
})

const participant = (
  actorId: string,
  flags: Partial<Participant['flags']> = {},
  rounds: Participant['rounds'] = {},
): Participant => ({
  actorId,
  flags: { user: false, producer: false, stockpiler: false, affected: false, ...flags },
  note: '',
  rounds,
})

function data(statements: Statement[]): StanceData {
  return {
    rounds: [round('wellington', '2008-02-18'), round('vienna', '2007-12-05')],
    issues: [
      issue('deadlines', 'Clearance deadline', null, 1),
      issue('exemptions', 'Exemptions', null, 0),
      issue('self-destruct', 'Self-destruct', 'exemptions', 1),
      issue('duds', 'Non-dangerous duds', 'exemptions', 0),
    ],
    proposals: [],
    statements,
    actors: [
      actor('FRA', 'France', 'Europe', 'WEOG'),
      actor('DEU', 'Germany', 'Europe', 'WEOG'),
      actor('LAO', 'Lao PDR', 'Asia', 'Asia-Pacific'),
      actor('MEX', 'Mexico', 'Americas', 'GRULAC'),
    ],
    participants: [
      participant(
        'FRA',
        { producer: true, stockpiler: true },
        { vienna: { attended: true, endorsed: false } },
      ),
      participant('LAO', { affected: true }, { vienna: { attended: true, endorsed: false } }),
      participant('MEX'),
    ],
    declarations: [],
    endorsements: [
      {
        negotiationId: 'n',
        declarationId: 'wellington',
        actorId: 'MEX',
        date: null,
        source: 's',
        provenance: 'reported',
      },
    ],
    roundCounts: [],
    treatyStatus: [
      {
        negotiationId: 'n',
        actorId: 'FRA',
        signature: '2008-12-03',
        actionDate: '2009-09-25',
        action: 'ratification',
        provisionalApplication: null,
        declarations: '',
        source: 'UNTC',
      },
      {
        negotiationId: 'n',
        actorId: 'LAO',
        signature: '2008-12-03',
        actionDate: null,
        action: null,
        provisionalApplication: null,
        declarations: '',
        source: 'UNTC',
      },
    ],
    targetLists: [
      {
        id: 'list-2',
        negotiationId: 'n',
        groupId: 'cmc',
        name: 'List 2',
        description: '',
        source: '',
        provenance: 'reported',
        actorIds: ['LAO', 'MEX'],
      },
    ],
    groups: [{ id: 'cmc', name: 'Cluster Munition Coalition' }],
  }
}

const statements = [
  said({ actorId: 'DEU', stance: 'supports' }),
  said({ actorId: 'DEU', stance: 'concerns', target: { kind: 'issue', issueId: 'duds' } }),
  said({ actorId: 'FRA', stance: 'concerns', target: { kind: 'issue', issueId: 'deadlines' } }),
  said({
    actorId: 'LAO',
    stance: 'opposes',
    target: { kind: 'issue', issueId: 'deadlines' },
    provenance: 'synthetic',
    source: '',
  }),
  said({
    actorId: 'FRA',
    stance: 'supports',
    target: { kind: 'issue', issueId: 'deadlines' },
    roundId: 'wellington',
  }),
  said({
    actorId: 'FRA',
    stance: 'opposes',
    target: { kind: 'issue', issueId: 'deadlines' },
    record: 'group:cmc',
    published: false,
    roundId: 'wellington',
  }),
]

const q = (over: Partial<MatrixQuery> = {}): MatrixQuery => ({ ...DEFAULT_QUERY, ...over })
const names = (m: { rows: { actor: Actor }[] }) => m.rows.map((r) => r.actor.id)

describe('the positions matrix', () => {
  it('has issues in tree order, children under their parent, and every participant or speaker as a row', () => {
    const d = data(statements)
    expect(matrixColumns(d, 'issues').map((c) => [c.title, c.depth, c.parents.join('/')])).toEqual([
      ['Exemptions', 0, ''],
      ['Non-dangerous duds', 1, 'Exemptions'],
      ['Self-destruct', 1, 'Exemptions'],
      ['Clearance deadline', 0, ''],
    ])
    // DEU is no participant but has entries; MEX has none but takes part.
    expect(names(buildMatrix(d, q({ round: 'vienna' }), null))).toEqual([
      'FRA',
      'DEU',
      'LAO',
      'MEX',
    ])
  })

  it('defaults to the latest round that has entries, and inherits a parent issue’s entry, marked', () => {
    const d = data(statements)
    expect(defaultRound(d)).toBe('wellington')
    expect(defaultRound(data(statements.filter((s) => s.roundId === 'vienna')))).toBe('vienna')
    // Proposals' default reads entries on proposals only.
    const onProposal = said({
      actorId: 'FRA',
      stance: 'supports',
      target: { kind: 'proposal', proposalId: 'p1' },
    })
    expect(
      defaultRound(data([...statements, { ...onProposal, roundId: 'vienna' }]), 'proposals'),
    ).toBe('vienna')
    expect(defaultRound(data(statements), 'proposals')).toBe('all')
    const m = buildMatrix(d, q({ round: 'vienna' }), null)
    const deu = m.rows.find((r) => r.actor.id === 'DEU')!
    expect(deu.cells['issue:self-destruct']?.now).toMatchObject({
      stance: 'supports',
      inheritedFrom: 'exemptions',
    })
    expect(deu.cells['issue:duds']?.now).toMatchObject({ stance: 'concerns', inheritedFrom: null })
    const lao = m.rows.find((r) => r.actor.id === 'LAO')!
    expect(lao.cells['issue:deadlines']?.synthetic).toBe(true)
  })

  it('marks records that disagree, and reads only the secretariat’s when asked', () => {
    const d = data(statements)
    const fra = (m: ReturnType<typeof buildMatrix>) =>
      m.rows.find((r) => r.actor.id === 'FRA')!.cells['issue:deadlines']!.now
    expect(fra(buildMatrix(d, q({ round: 'wellington' }), 'group:cmc'))).toMatchObject({
      stance: 'mixed',
      disagree: true,
    })
    expect(
      fra(buildMatrix(d, q({ round: 'wellington', records: 'secretariat' }), 'group:cmc')),
    ).toMatchObject({ stance: 'supports' })
    expect(
      fra(buildMatrix(d, q({ round: 'wellington', records: 'mine' }), 'group:cmc')),
    ).toMatchObject({ stance: 'opposes' })
    expect(fra(buildMatrix(d, q({ round: 'wellington', records: 'mine' }), null))).toBeNull()
  })

  it('compares two rounds: concerns → supports, new, dropped, whichever order they are picked in', () => {
    const d = data(statements)
    for (const [round, compare] of [
      ['wellington', 'vienna'],
      ['vienna', 'wellington'],
    ] as const) {
      const m = buildMatrix(d, q({ round, compare, records: 'secretariat' }), null)
      const cell = (id: string) => m.rows.find((r) => r.actor.id === id)!.cells['issue:deadlines']!
      expect(changeText(cell('FRA'), m.earlier)).toBe('Concerns → Supports')
      expect(cell('LAO').change).toBe('dropped')
      expect(changeText(cell('LAO'), m.earlier)).toBe('Dropped (was Opposes)')
      expect(cell('MEX').change).toBeNull()
    }
  })

  it('filters by region, UN group, flag, attendance, endorsement, treaty status, target list and stance', () => {
    const d = data(statements)
    const rows = (over: Partial<MatrixQuery>) =>
      names(buildMatrix(d, q({ round: 'vienna', ...over }), null))
    expect(rows({ region: 'Europe' })).toEqual(['FRA', 'DEU'])
    expect(rows({ unGroup: 'Asia-Pacific' })).toEqual(['LAO'])
    expect(rows({ flag: 'producer' })).toEqual(['FRA'])
    expect(rows({ attended: 'vienna' })).toEqual(['FRA', 'LAO'])
    expect(rows({ endorsed: 'wellington' })).toEqual(['MEX'])
    expect(rows({ notEndorsed: 'wellington' })).toEqual(['FRA', 'DEU', 'LAO'])
    expect(rows({ treaty: 'ratified' })).toEqual(['FRA'])
    expect(rows({ treaty: 'signed' })).toEqual(['LAO'])
    expect(rows({ treaty: 'neither' })).toEqual(['DEU', 'MEX'])
    expect(rows({ target: 'list-2' })).toEqual(['LAO', 'MEX'])
    expect(rows({ withEntries: true })).toEqual(['FRA', 'DEU', 'LAO'])
    expect(rows({ column: 'issue:deadlines', stance: 'opposes' })).toEqual(['LAO'])
    expect(rows({ column: 'issue:self-destruct', stance: 'any' })).toEqual(['DEU'])
    expect(rows({ column: 'issue:self-destruct', stance: 'none' })).toEqual(['FRA', 'LAO', 'MEX'])
  })

  it('ignores, and says so, a target list that is not the reader’s', () => {
    const d = { ...data(statements), targetLists: [] }
    const m = buildMatrix(d, q({ round: 'vienna', target: 'list-2' }), null)
    expect(m.rows).toHaveLength(4)
    expect(m.ignored.join(' ')).toMatch(/target list/)
  })

  it('sorts by actor, by region and by a column’s stance, actors without an entry last', () => {
    const d = data(statements)
    const rows = (over: Partial<MatrixQuery>) =>
      names(buildMatrix(d, q({ round: 'vienna', ...over }), null))
    expect(rows({ descending: true })).toEqual(['MEX', 'LAO', 'DEU', 'FRA'])
    expect(rows({ sort: 'region' })).toEqual(['MEX', 'LAO', 'FRA', 'DEU'])
    expect(rows({ sort: 'column', column: 'issue:deadlines' })).toEqual([
      'FRA',
      'LAO',
      'DEU',
      'MEX',
    ])
    expect(rows({ sort: 'column', column: 'issue:deadlines', descending: true })).toEqual([
      'LAO',
      'FRA',
      'DEU',
      'MEX',
    ])
  })

  it('answers who said what on a column, round by round, supporters first', () => {
    const s = columnSummary(
      data(statements),
      q({ records: 'secretariat' }),
      null,
      'issue:deadlines',
    )!
    expect(
      s.rounds.map((r) => [
        r.roundId,
        r.groups.map((g) => `${g.stance}:${g.rows.map((x) => x.row.actor.id).join('+')}`),
      ]),
    ).toEqual([
      ['vienna', ['concerns:FRA', 'opposes:LAO']],
      ['wellington', ['supports:FRA']],
    ])
  })

  it('keeps its query in the address and reads it back; bad values are named', () => {
    const query = q({
      withEntries: true,
      round: 'vienna',
      compare: 'wellington',
      target: 'list-2',
      flag: 'user',
      column: 'issue:x',
      stance: 'supports',
      sort: 'column',
      descending: true,
    })
    const params = matrixQueryParams(query)
    expect(parseMatrixQuery((n) => params.get(n))).toEqual({ query, problems: [] })
    expect(matrixQueryParams(DEFAULT_QUERY).toString()).toBe('')
    expect(
      parseMatrixQuery((n) => (n === 'flag' ? 'pilot' : n === 'sort' ? 'x' : null)).problems,
    ).toHaveLength(2)
  })
})

describe('the matrix as CSV', () => {
  it('has a BOM, one row per actor, provenance and records per column, formulas guarded', () => {
    const d = data([
      ...statements,
      said({
        actorId: 'MEX',
        stance: 'supports',
        quote: '=HYPERLINK("x")',
        target: { kind: 'issue', issueId: 'deadlines' },
      }),
    ])
    const m = buildMatrix(d, q({ round: 'wellington' }), 'group:cmc')
    const csv = matrixCsv(matrixTable(m, d))
    expect(
      csv.startsWith('\ufeffActor,Actor id,Region,UN regional group,Treaty status,Exemptions,'),
    ).toBe(true)
    const read = readCsv(csv)
    if (!read.ok) throw new Error(read.error.message)
    const header = read.records[0]!.cells.map((c) => c.value)
    const fra = read.records.find((r) => r.cells[1]?.value === 'FRA')!.cells.map((c) => c.value)
    const at = (name: string) => fra[header.indexOf(name)]
    expect(at('Clearance deadline')).toBe('Records disagree')
    expect(at('Clearance deadline: provenance')).toBe('Reported')
    expect(at('Clearance deadline: records')).toBe(
      'Secretariat: Supports; Cluster Munition Coalition (private): Opposes',
    )
    expect(read.records).toHaveLength(5)
    const vienna = buildMatrix(d, q({ round: 'vienna' }), null)
    const long = matrixLongTable(vienna, d)
    expect(
      long.rows.find((r) => r[1] === 'DEU' && r[6] === 'Exemptions › Self-destruct')?.[9],
    ).toBe('Exemptions')
    expect(long.rows.find((r) => r[1] === 'LAO')?.[13]).toBe('Synthetic')
    expect(long.rows.find((r) => r[1] === 'MEX')?.[15]).toBe(`'=HYPERLINK("x")`)
  })

  it('says each state’s treaty status in its row and column, unknown never as “not signed”', () => {
    const d = data(statements)
    const m = buildMatrix(d, q({ round: 'vienna' }), null)
    const words = (id: string) => {
      const row = m.rows.find((r) => r.actor.id === id)!
      return rowTreatyText(row, m)?.text
    }
    expect(words('FRA')).toBe('Signed 2008-12-03 · Ratified 2009-09-25')
    expect(words('LAO')).toBe('Signed 2008-12-03')
    expect(words('DEU')).toBe('Unknown: not in the UNTC list')
    const table = matrixTable(m, d)
    const at = table.header.indexOf('Treaty status')
    const cell = (id: string) => table.rows.find((r) => r[1] === id)?.[at]
    expect(cell('FRA')).toBe('Signed 2008-12-03 · Ratified 2009-09-25')
    expect(cell('MEX')).toBe('Unknown: not in the UNTC list')
    expect(table.rows.map((r) => r[at]).join(' ')).not.toMatch(/not signed/i)
    const long = matrixLongTable(m, d)
    expect(long.header[4]).toBe('Treaty status')
    expect(long.rows.find((r) => r[1] === 'LAO')?.[4]).toBe('Signed 2008-12-03')
    // An organisation is bound by no treaty: its cell stays empty rather than "unknown".
    const withOrg = data([...statements, said({ actorId: 'icrc', stance: 'opposes' })])
    const org = buildMatrix(withOrg, q({ round: 'vienna' }), null)
    const icrc = org.rows.find((r) => r.actor.id === 'icrc')!
    expect(icrc.actor.kind).toBe('organisation')
    expect(rowTreatyText(icrc, org)).toBeNull()
    expect(matrixTable(org, withOrg).rows.find((r) => r[1] === 'icrc')?.[at]).toBe('')
  })
})
