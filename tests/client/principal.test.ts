import { describe, expect, it } from 'vitest'
import { can } from '../../shared/domain/policy'
import { describeMembership, principalOf, youAre } from '../../client/src/auth/principal'
import { csvProblems } from '../../client/src/features/actors/CsvUpload'
import { resolveActor } from '../../client/src/features/members/ActorPicker'
import { groupIdFrom } from '../../client/src/features/members/membersApi'
import { ApiError } from '../../client/src/api'

describe('who the UI thinks you are', () => {
  it('builds the policy principal from the API membership, so controls hide as the server refuses', () => {
    const france = principalOf('a1', false, { role: 'delegate', actorId: 'FRA' })
    expect(can(france, { type: 'act-for', actorId: 'FRA' }).ok).toBe(true)
    expect(can(france, { type: 'act-for', actorId: 'DEU' }).ok).toBe(false)
    expect(can(france, { type: 'edit-text' }).ok).toBe(false)
    // A delegate without an actor is no membership at all: nothing is offered.
    expect(principalOf('a1', false, { role: 'delegate' }).membership).toBeNull()
    expect(can(principalOf('admin', true, null), { type: 'manage-members' }).ok).toBe(true)
  })

  it('says the role as the top bar and the read-only notice show it', () => {
    const m = { role: 'delegate', actorId: 'FRA' } as const
    expect(describeMembership(m, { actorName: 'France' })).toBe('Delegate of France')
    expect(describeMembership(m)).toBe('Delegate of FRA')
    expect(describeMembership({ role: 'campaigner', groupId: 'cmc' }, { groupName: 'CMC' })).toBe(
      'Campaigner · CMC',
    )
    expect(describeMembership({ role: 'observer' })).toBe('Observer')
    expect(describeMembership(null, {}, true)).toBe('Administrator (acts as chair)')
    expect(youAre({ role: 'observer' })).toBe('an observer')
  })
})

describe('small helpers of the chair’s pages', () => {
  it('resolves a typed actor by its option text, ISO code or name', () => {
    const actors = [{ id: 'AUT', name: 'Austria' }]
    for (const text of ['Austria (AUT)', 'aut', 'austria']) {
      expect(resolveActor(actors, text)?.id).toBe('AUT')
    }
    expect(resolveActor(actors, 'Aus')).toBeUndefined()
  })

  it('makes a group id from its name', () => {
    expect(groupIdFrom('Human Rights Watch')).toBe('human-rights-watch')
    expect(groupIdFrom('  Médecins — du Monde! ')).toBe('medecins-du-monde')
  })

  it('reads where a CSV is wrong from the error answer', () => {
    const error = new ApiError(400, 'invalid_csv', 'Line 2, column 3: bad.', { line: 2, column: 3 })
    expect(csvProblems(error)).toEqual([{ line: 2, column: 3, message: 'Line 2, column 3: bad.' }])
  })
})
