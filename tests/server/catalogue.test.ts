import { describe, expect, it } from 'vitest'
import { getActor, isKnownActor, listActors } from '../../server/src/actors/catalogue'

describe('the actor catalogue', () => {
  it('holds every state of world-countries and the organisations', () => {
    const states = listActors().filter((a) => a.kind === 'state')
    expect(states.length).toBeGreaterThanOrEqual(245)
    expect(states.length).toBeLessThanOrEqual(260)
    expect(states.filter((s) => s.unMember)).toHaveLength(193)
    expect(
      listActors()
        .filter((a) => a.kind === 'organisation')
        .map((a) => a.id),
    ).toEqual(expect.arrayContaining(['cmc', 'icrc', 'undp', 'unicef', 'hrw', 'hi', 'npa', 'lma']))
  })

  it('includes non-UN states: the Holy See and the Cook Islands', () => {
    expect(getActor('VAT')).toMatchObject({ kind: 'state', name: 'Holy See', unMember: false })
    expect(getActor('COK')).toMatchObject({ kind: 'state', name: 'Cook Islands', unMember: false })
  })

  it('gives France its names, region and UN regional group', () => {
    expect(getActor('FRA')).toEqual({
      id: 'FRA',
      kind: 'state',
      name: 'France',
      officialName: 'French Republic',
      region: 'Europe',
      subregion: 'Western Europe',
      unMember: true,
      unRegionalGroup: 'Western European and Others Group',
      isoNumeric: '250',
    })
  })

  it('answers by exact id only', () => {
    expect(isKnownActor('DEU')).toBe(true)
    expect(isKnownActor('deu')).toBe(false)
    expect(isKnownActor('ICRC')).toBe(false)
    expect(isKnownActor('icrc')).toBe(true)
    expect(getActor('XYZ')).toBeUndefined()
  })

  it('uses upper-case ISO codes for states and lower-case slugs for organisations', () => {
    for (const a of listActors()) {
      expect(a.id).toMatch(a.kind === 'state' ? /^[A-Z]{3}$/ : /^[a-z][a-z0-9-]+$/)
    }
  })
})
