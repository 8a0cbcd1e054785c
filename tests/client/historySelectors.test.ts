import { describe, expect, it } from 'vitest'
import type { NegotiationEvent } from '../../shared/domain/events'
import type { Position } from '../../shared/domain/proposals'
import type { ArticleVersion, HistoryProposal } from '../../client/src/features/history/historyApi'
import {
  activityByVersion,
  defaultPair,
  diffCounts,
  filterByActor,
  numberingSentence,
} from '../../client/src/features/history/historySelectors'

const version = (roundId: string | null, number: number | null, text: string): ArticleVersion => ({
  roundId,
  snapshotName: roundId ? `${roundId} text` : null,
  name: roundId ? `${roundId} text` : 'Current text',
  number,
  title: 'Definitions',
  text,
})

const places = new Map([
  ['lima', 'Lima'],
  ['vienna', 'Vienna'],
  ['wellington', 'Wellington'],
])

const position = (id: string, actorId: string, roundId: string | null): Position => ({
  id,
  proposalId: 'p1',
  actorId,
  stance: 'supports',
  roundId,
  source: 'plenary',
  quote: '',
  recordedAt: `2007-12-0${id.length}T10:00:00Z`,
  recordedBy: 'chair',
})

const proposal = (positions: Position[]): HistoryProposal =>
  ({
    id: 'p1',
    title: 'Failure rate',
    sponsors: ['FRA'],
    coSponsors: ['ITA'],
    history: [
      {
        from: null,
        to: 'draft',
        byAccountId: 'a',
        byName: 'France',
        actorId: 'FRA',
        at: '2007-12-01T09:00:00Z',
        roundId: 'vienna',
      },
      {
        from: 'draft',
        to: 'tabled',
        byAccountId: 'a',
        byName: 'France',
        actorId: 'FRA',
        at: '2007-12-05T09:00:00Z',
        roundId: 'vienna',
      },
      {
        from: 'tabled',
        to: 'bracketed',
        byAccountId: 'c',
        byName: 'Chair',
        actorId: null,
        at: '2008-02-19T09:00:00Z',
        roundId: 'dublin',
      },
    ],
    positions,
  }) as unknown as HistoryProposal

describe('an article’s history, as the history view reads it', () => {
  it('says how the article was numbered, one phrase per run of the same number', () => {
    const versions = [
      version('lima', 3, 'a'),
      version('vienna', 2, 'b'),
      version('wellington', 2, 'b'),
      version(null, 2, 'c'),
    ]
    expect(numberingSentence(versions, places)).toBe(
      'Article 3 in Lima, Article 2 in Vienna, Wellington and the current text',
    )
  })

  it('compares the latest two versions that differ by default', () => {
    const same = [version('lima', 1, 'a'), version('vienna', 1, 'b'), version(null, 1, 'b')]
    expect(defaultPair(same)).toEqual(['lima', 'vienna'])
    expect(defaultPair([version('lima', 1, 'a'), version(null, 1, 'c')])).toEqual([
      'lima',
      'current',
    ])
    expect(defaultPair([version(null, 1, 'a')])).toEqual(['current', 'current'])
    expect(defaultPair([])).toBeNull()
  })

  it('counts inserted and deleted words', () => {
    const parts = [
      { op: 'equal', text: 'shall ' },
      { op: 'delete', text: 'never ' },
      { op: 'insert', text: 'not ever ' },
      { op: 'equal', text: 'use' },
    ] as const
    expect(diffCounts(parts)).toEqual({ inserted: 2, deleted: 1 })
  })

  it('attaches status changes and positions to the text frozen at the end of their round', () => {
    const versions = [version('vienna', 2, 'a'), version(null, 2, 'b')]
    const p = proposal([position('x', 'DEU', 'vienna'), position('xy', 'JPN', 'dublin')])
    const activity = activityByVersion(versions, [p])
    // Vienna: tabled (the draft is nobody's business) and Germany's position.
    expect(activity.get('vienna')?.changes.map((c) => c.change.to)).toEqual(['tabled'])
    expect(activity.get('vienna')?.positions.map((x) => x.position.actorId)).toEqual(['DEU'])
    // Dublin has no frozen text yet: what happened there belongs to the current text.
    expect(activity.get('current')?.changes.map((c) => c.change.to)).toEqual(['bracketed'])
    expect(activity.get('current')?.positions.map((x) => x.position.actorId)).toEqual(['JPN'])
  })

  it('filters by actor: its proposals and positions, and the events about them', () => {
    const p = proposal([position('x', 'DEU', 'vienna'), position('xy', 'JPN', 'vienna')])
    const event = (seq: number, actorId: string | null, proposalId: string | null) =>
      ({ seq, actorId, proposalId }) as NegotiationEvent
    const events = [event(1, 'FRA', 'p1'), event(2, 'GBR', null), event(3, null, 'p1')]
    const japan = filterByActor([p], events, 'JPN')
    expect(japan.proposals.map((x) => x.positions?.map((y) => y.actorId))).toEqual([['JPN']])
    expect(japan.events.map((e) => e.seq)).toEqual([1, 3])
    expect(filterByActor([p], events, 'GBR')).toEqual({ proposals: [], events: [events[1]] })
    expect(filterByActor([p], events, '').events).toHaveLength(3)
  })
})
