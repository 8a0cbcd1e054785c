import { describe, expect, it } from 'vitest'
import type { Actor } from '../../shared/domain/actors'
import {
  issuesInTreeOrder,
  latestRoundWithEntries,
  mapSummary,
  NO_UN_GROUP,
  treatyMap,
} from '../../shared/domain/stances/mapSummary'
import { treatyClassLabel } from '../../shared/domain/stances/treatyStatus'
import type { Issue, TreatyStatus } from '../../shared/domain/stances/types'
import { anIssue, statementMaker } from '../support/stances'

const issue = (id: string, parentId: string | null, order = 0): Issue =>
  anIssue(id, { parentId, order })

const said = statementMaker('transition')

const WEOG = 'Western European and Others Group'
const state = (id: string, name: string, region: string, unRegionalGroup?: string): Actor => ({
  id,
  kind: 'state',
  name,
  region,
  ...(unRegionalGroup ? { unRegionalGroup } : {}),
})
const actors: Actor[] = [
  state('FRA', 'France', 'Europe', WEOG),
  state('NOR', 'Norway', 'Europe', WEOG),
  state('JPN', 'Japan', 'Asia', 'Asia and the Pacific Group'),
  state('AUT', 'Austria', 'Europe', WEOG),
  state('VAT', 'Holy See', 'Europe'),
  { id: 'icrc', kind: 'organisation', name: 'ICRC' },
  { id: 'undp', kind: 'organisation', name: 'UNDP' },
]
const issues = [
  issue('exemptions', null),
  issue('self-destruct', 'exemptions'),
  issue('transition', null),
]

describe('mapSummary', () => {
  it('shows a stance said of a parent issue as inherited, and one said of the issue as its own', () => {
    const statements = [
      said({
        actorId: 'FRA',
        stance: 'supports',
        target: { kind: 'issue', issueId: 'exemptions' },
      }),
      said({
        actorId: 'NOR',
        stance: 'opposes',
        target: { kind: 'issue', issueId: 'self-destruct' },
      }),
    ]
    const map = mapSummary({ issues, statements, actors }, 'self-destruct', { roundId: 'vienna' })
    const fra = map.states.find((s) => s.actor.id === 'FRA')!
    expect(fra.stance).toBe('supports')
    expect(fra.cell?.inheritedFrom).toBe('exemptions')
    const nor = map.states.find((s) => s.actor.id === 'NOR')!
    expect(nor).toMatchObject({ stance: 'opposes', cell: { inheritedFrom: null } })
  })

  it('leaves a state with no entry unknown, never neutral, and counts it as such', () => {
    const statements = [
      said({ actorId: 'FRA', stance: 'supports' }),
      said({ actorId: 'AUT', stance: 'neutral' }),
    ]
    const map = mapSummary({ issues, statements, actors }, 'transition', { roundId: 'vienna' })
    expect(map.states.find((s) => s.actor.id === 'JPN')).toMatchObject({
      stance: 'unknown',
      cell: null,
    })
    const europe = map.regions.find((r) => r.name === 'Europe')!
    expect(europe.counts).toMatchObject({ supports: 1, neutral: 1, unknown: 2 })
    expect(europe.total).toBe(4)
  })

  it('counts states per region and per UN regional group, those in none last', () => {
    const statements = [
      said({ actorId: 'FRA', stance: 'supports' }),
      said({ actorId: 'JPN', stance: 'supports' }),
      said({ actorId: 'NOR', stance: 'opposes' }),
      said({ actorId: 'VAT', stance: 'opposes' }),
      said({ actorId: 'icrc', stance: 'opposes' }),
    ]
    const map = mapSummary({ issues, statements, actors }, 'transition', { roundId: 'vienna' })
    expect(map.regions.map((r) => [r.name, r.counts.supports, r.counts.opposes])).toEqual([
      ['Asia', 1, 0],
      ['Europe', 1, 2],
    ])
    expect(map.groups.map((g) => [g.name, g.counts.supports, g.counts.opposes])).toEqual([
      ['Asia and the Pacific Group', 1, 0],
      [WEOG, 1, 1],
      [NO_UN_GROUP, 0, 1],
    ])
  })

  it('lists organisations with an entry beside the map, and counts them in no region', () => {
    const statements = [said({ actorId: 'icrc', stance: 'opposes' })]
    const map = mapSummary({ issues, statements, actors }, 'transition', { roundId: 'vienna' })
    expect(map.organisations.map((o) => [o.actor.id, o.stance])).toEqual([['icrc', 'opposes']])
    expect(map.states.map((s) => s.actor.id)).not.toContain('icrc')
    const counted = map.regions.reduce((n, r) => n + r.counts.opposes, 0)
    expect(counted).toBe(0)
  })

  it('marks a state mixed where records disagree, and reads one record alone when asked', () => {
    const statements = [
      said({ actorId: 'FRA', stance: 'supports' }),
      said({ actorId: 'FRA', stance: 'concerns', record: 'group:cmc', published: false }),
    ]
    const all = mapSummary({ issues, statements, actors }, 'transition', { roundId: 'vienna' })
    expect(all.states.find((s) => s.actor.id === 'FRA')?.stance).toBe('mixed')
    const secretariat = mapSummary({ issues, statements, actors }, 'transition', {
      roundId: 'vienna',
      records: ['secretariat'],
    })
    expect(secretariat.states.find((s) => s.actor.id === 'FRA')?.stance).toBe('supports')
  })

  it('keeps only the actors of a target list when given one', () => {
    const statements = [said({ actorId: 'FRA', stance: 'supports' })]
    const map = mapSummary({ issues, statements, actors }, 'transition', {
      roundId: 'vienna',
      among: new Set(['FRA', 'JPN']),
    })
    expect(map.states.map((s) => s.actor.id)).toEqual(['FRA', 'JPN'])
    expect(map.regions.map((r) => [r.name, r.total])).toEqual([
      ['Asia', 1],
      ['Europe', 1],
    ])
  })
})

describe('treatyMap', () => {
  const row = (actorId: string, over: Partial<TreatyStatus>): TreatyStatus => ({
    negotiationId: 'n',
    actorId,
    signature: null,
    actionDate: null,
    action: null,
    provisionalApplication: null,
    declarations: '',
    source: 'UNTC (partial)',
    ...over,
  })

  it('colours states ratified or signed from the list, and leaves the rest unknown, counted as such', () => {
    const statuses = [
      row('NOR', { signature: '2008-12-03', actionDate: '2008-12-03', action: 'ratification' }),
      row('JPN', { signature: '2008-12-03', actionDate: '2009-07-14', action: 'acceptance' }),
      row('AUT', { signature: '2008-12-03' }),
      row('VAT', { actionDate: '2008-12-03', action: 'accession' }),
    ]
    const map = mapSummary({ issues, statements: [], actors }, 'transition', { roundId: 'vienna' })
    const treaty = treatyMap(map.states, statuses)
    expect(map.states.map((s) => [s.actor.id, treaty.classOf(s.actor.id)])).toEqual([
      ['AUT', 'signed'],
      ['FRA', 'unknown'],
      ['VAT', 'ratified'],
      ['JPN', 'ratified'],
      ['NOR', 'ratified'],
    ])
    expect(treaty.regions.map((r) => [r.name, r.counts])).toEqual([
      ['Asia', { ratified: 1, signed: 0, unknown: 0 }],
      ['Europe', { ratified: 2, signed: 1, unknown: 1 }],
    ])
    expect(treaty.groups.at(-1)).toMatchObject({ name: NO_UN_GROUP, counts: { ratified: 1 } })
    expect(treatyClassLabel('unknown', 'not in the partial UNTC list')).toBe(
      'Unknown: not in the partial UNTC list',
    )
  })
})

describe('latestRoundWithEntries', () => {
  it('answers the latest round with an entry on the issue or an ancestor, or null', () => {
    const statements = [
      said({ actorId: 'FRA', stance: 'supports', roundId: 'lima' }),
      said({
        actorId: 'FRA',
        stance: 'supports',
        roundId: 'vienna',
        target: { kind: 'issue', issueId: 'exemptions' },
      }),
    ]
    const rounds = ['oslo', 'lima', 'vienna', 'wellington']
    expect(latestRoundWithEntries({ issues, statements }, 'transition', rounds)).toBe('lima')
    expect(latestRoundWithEntries({ issues, statements }, 'self-destruct', rounds)).toBe('vienna')
    expect(latestRoundWithEntries({ issues, statements: [] }, 'transition', rounds)).toBeNull()
  })
})

describe('issuesInTreeOrder', () => {
  it('puts children right under their parent, siblings in order', () => {
    const tree = issuesInTreeOrder([
      issue('transition', null, 1),
      issue('self-destruct', 'exemptions', 1),
      issue('failure-rate', 'exemptions', 0),
      issue('exemptions', null, 0),
    ])
    expect(tree.map((t) => `${t.depth}:${t.issue.id}`)).toEqual([
      '0:exemptions',
      '1:failure-rate',
      '1:self-destruct',
      '0:transition',
    ])
  })
})
