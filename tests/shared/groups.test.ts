import { describe, expect, it } from 'vitest'
import {
  CoalitionMembershipInput,
  GroupInput,
  coalitionMembersAt,
  delegationGroupId,
  isDelegationGroupId,
  isDelegationOf,
  isValidStoredGroupId,
} from '../../shared/domain/groups'

describe('group ids', () => {
  it("names a delegation's group from its actor, in lower case", () => {
    expect(delegationGroupId('FRA')).toBe('delegation-fra')
    expect(isDelegationGroupId('delegation-fra')).toBe(true)
    expect(isDelegationOf('delegation-fra', 'FRA')).toBe(true)
    expect(isDelegationOf('delegation-fra', 'DEU')).toBe(false)
    expect(isDelegationGroupId('cmc')).toBe(false)
  })

  it('keeps stored ids to room keys that are neither public nor a delegation’s', () => {
    for (const good of ['cmc', 'core-group', 'eu', 'g77-and-china']) {
      expect(isValidStoredGroupId(good), good).toBe(true)
    }
    for (const bad of [
      'public',
      'delegation-fra',
      'Core',
      'core group',
      '-x',
      '',
      'a'.repeat(65),
    ]) {
      expect(isValidStoredGroupId(bad), bad).toBe(false)
    }
  })
})

describe('group input', () => {
  it('makes a campaign group by default, recorded, with no source', () => {
    expect(GroupInput.parse({ id: 'hrw', name: ' Human Rights Watch ' })).toEqual({
      id: 'hrw',
      name: 'Human Rights Watch',
      kind: 'campaign',
      source: '',
      provenance: 'recorded',
    })
  })

  it('takes a coalition with its members from a round on', () => {
    const parsed = GroupInput.parse({
      id: 'core-group',
      name: 'Core group',
      kind: 'coalition',
      source: 'Disarmament Insight',
      provenance: 'reported',
      actorIds: ['AUT', 'NOR'],
      roundId: 'wellington-2008',
    })
    expect(parsed).toMatchObject({ kind: 'coalition', actorIds: ['AUT', 'NOR'] })
  })

  it('refuses a delegation, a blank name, an unknown kind or provenance', () => {
    const bad = [
      { id: 'delegation-fra', name: 'France' },
      { id: 'eu', name: '  ' },
      { id: 'eu', name: 'EU', kind: 'delegation' },
      { id: 'eu', name: 'EU', provenance: 'rumoured' },
    ]
    for (const input of bad)
      expect(GroupInput.safeParse(input).success, JSON.stringify(input)).toBe(false)
  })

  it('needs a round (or null) and a list to set members', () => {
    expect(CoalitionMembershipInput.safeParse({ actorIds: ['AUT'] }).success).toBe(false)
    expect(CoalitionMembershipInput.parse({ roundId: null, actorIds: [] })).toEqual({
      roundId: null,
      actorIds: [],
    })
  })
})

describe("a coalition's members over rounds", () => {
  const order = ['oslo', 'lima', 'vienna']

  it('ignores a list of a round the negotiation does not have', () => {
    const c = {
      memberships: [
        { roundId: null, actorIds: ['AUT'] },
        { roundId: 'elsewhere', actorIds: ['XXX'] },
      ],
    }
    expect(coalitionMembersAt(c, 'vienna', order)).toEqual(['AUT'])
    expect(coalitionMembersAt(c, null, order)).toEqual(['AUT'])
  })

  it('lets a later list replace an earlier one, and an earlier round read its own', () => {
    const c = {
      memberships: [
        { roundId: 'lima', actorIds: ['AUT', 'NOR'] },
        { roundId: null, actorIds: ['AUT'] },
      ],
    }
    expect(coalitionMembersAt(c, 'oslo', order)).toEqual(['AUT'])
    expect(coalitionMembersAt(c, 'vienna', order)).toEqual(['AUT', 'NOR'])
  })
})
