import { describe, expect, it } from 'vitest'
import { MAX_SHOWN, matchActors } from '../../client/src/features/common/matchActors'

const actors = [
  { id: 'AFG', name: 'Afghanistan' },
  { id: 'FRA', name: 'France' },
  { id: 'ZAF', name: 'South Africa' },
  { id: 'CAF', name: 'Central African Republic' },
]

describe('matchActors', () => {
  it('puts names and codes that start with the text first, then the rest that contain it', () => {
    expect(matchActors(actors, 'fra').shown.map((a) => a.id)).toEqual(['FRA'])
    expect(matchActors(actors, 'af').shown.map((a) => a.id)).toEqual(['AFG', 'ZAF', 'CAF'])
    expect(matchActors(actors, 'ZA').shown.map((a) => a.id)).toEqual(['ZAF'])
    expect(matchActors(actors, 'xyz')).toEqual({ shown: [], more: 0 })
  })

  it(`lists at most ${MAX_SHOWN} and says how many more match`, () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ id: `A${i}`, name: `State ${i}` }))
    const { shown, more } = matchActors(many, '')
    expect(shown).toHaveLength(MAX_SHOWN)
    expect(more).toBe(250 - MAX_SHOWN)
  })
})
