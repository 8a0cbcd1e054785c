import { describe, expect, it } from 'vitest'
import {
  currentPositions,
  currentPositionsByProposal,
  positionCounts,
  RecordPositionSchema,
} from '../../../shared/domain/proposals/positions'
import type { Position, Stance } from '../../../shared/domain/proposals/types'

let n = 0
const pos = (actorId: string, stance: Stance, recordedAt: string, proposalId = 'p1'): Position => ({
  id: `pos-${++n}`,
  proposalId,
  actorId,
  stance,
  roundId: 'vienna-2007',
  source: 'Vienna plenary',
  quote: '',
  recordedAt,
  recordedBy: 'a-chair',
})

describe('positions', () => {
  const history = [
    pos('FRA', 'concerns', '2007-12-06T10:00:00Z'),
    pos('NOR', 'opposes', '2007-12-06T10:00:00Z'),
    pos('FRA', 'supports', '2007-12-07T10:00:00Z'),
    pos('FRA', 'opposes', '2007-12-05T10:00:00Z'), // recorded late, said earlier
    pos('LAO', 'concerns', '2007-12-06T11:00:00Z'),
  ]

  it('keeps the latest position of each actor, whatever the order they arrive in', () => {
    const current = currentPositions(history)
    expect(current.get('FRA')?.stance).toBe('supports')
    expect(current.size).toBe(3)
    expect(currentPositions([...history].reverse()).get('FRA')?.id).toBe(current.get('FRA')?.id)
  })

  it('counts current positions only', () => {
    expect(positionCounts(history)).toEqual({ supports: 1, opposes: 1, concerns: 1, neutral: 0 })
    expect(positionCounts([])).toEqual({ supports: 0, opposes: 0, concerns: 0, neutral: 0 })
  })

  it('breaks a tie of times by id, the same on every client', () => {
    const a = { ...pos('DEU', 'supports', '2007-12-06T10:00:00Z'), id: 'b' }
    const b = { ...pos('DEU', 'opposes', '2007-12-06T10:00:00Z'), id: 'a' }
    expect(currentPositions([a, b]).get('DEU')?.id).toBe('b')
    expect(currentPositions([b, a]).get('DEU')?.id).toBe('b')
  })

  it('keeps proposals apart', () => {
    const all = [...history, pos('FRA', 'neutral', '2008-01-01T00:00:00Z', 'p2')]
    const byProposal = currentPositionsByProposal(all)
    expect(byProposal.get('p1')?.get('FRA')?.stance).toBe('supports')
    expect(byProposal.get('p2')?.get('FRA')?.stance).toBe('neutral')
    expect(() => currentPositions(all)).toThrow(RangeError)
  })

  it('validates a position to record', () => {
    const ok = RecordPositionSchema.parse({
      actorId: 'LAO',
      stance: 'concerns',
      source: ' Plenary ',
    })
    expect(ok).toEqual({ actorId: 'LAO', stance: 'concerns', source: 'Plenary', quote: '' })
    const bad = (v: object) =>
      RecordPositionSchema.safeParse({ actorId: 'LAO', stance: 'concerns', source: 's', ...v })
        .success
    expect(bad({ stance: 'loves' })).toBe(false)
    expect(bad({ source: '' })).toBe(false)
    expect(bad({ source: 'x'.repeat(301) })).toBe(false)
    expect(bad({ quote: 'x'.repeat(1001) })).toBe(false)
    expect(bad({ quote: 'x'.repeat(1000), roundId: 'vienna-2007' })).toBe(true)
  })
})
