import { describe, expect, it } from 'vitest'
import type { RoomRef } from '../../shared/collab/rooms'
import { parseRoomName, roomName } from '../../shared/collab/rooms'
import { coalitionMembersAt, delegationGroupId } from '../../shared/domain/groups'
import {
  can,
  groupsOf,
  inGroup,
  roomAccess,
  type Membership,
  type Principal,
} from '../../shared/domain/policy'
import type { SessionFacts } from '../../shared/domain/sessions'

const who = (
  accountId: string,
  membership: Membership | null,
  coalitions: string[] = [],
): Principal => ({ accountId, isAdmin: false, membership, coalitions })

const chair = who('chair', { role: 'chair' })
const france = who('fra1', { role: 'delegate', actorId: 'FRA' }, ['eu'])
const france2 = who('fra2', { role: 'delegate', actorId: 'FRA' }, ['eu'])
const germany = who('deu', { role: 'delegate', actorId: 'DEU' }, ['eu'])
const laos = who('lao', { role: 'delegate', actorId: 'LAO' })
const hana = who('hana', { role: 'campaigner', groupId: 'hrw' })
const observer = who('obs', { role: 'observer' })
const facilitator = who('fac', { role: 'observer' })

const notes = (key: string): RoomRef => ({ negotiationId: 'ccm', kind: 'notes', key })
const session: RoomRef = { negotiationId: 'ccm', kind: 'session', key: 'fop-art-2' }

const facts = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  facilitators: ['fac'],
  attendeeActorIds: ['FRA', 'DEU'],
  attendeeAccountIds: [],
  open: false,
  status: 'in-session',
  ...over,
})

describe('groups of every kind', () => {
  it("puts a delegate in its delegation's group and its coalitions, a campaigner in its group", () => {
    expect(groupsOf(france)).toEqual(['delegation-fra', 'eu'])
    expect(groupsOf(hana)).toEqual(['hrw'])
    expect(groupsOf(chair)).toEqual([])
    expect(groupsOf(observer)).toEqual([])
    expect(inGroup(laos, 'eu')).toBe(false)
    expect(delegationGroupId('FRA')).toBe('delegation-fra')
  })

  it("keeps a delegation's notes to its own delegates, the chair included out", () => {
    const room = notes('delegation-fra')
    expect(
      [france, france2, germany, chair, hana, observer].map((p) => roomAccess(p, room)),
    ).toEqual(['write', 'write', 'none', 'none', 'none', 'none'])
  })

  it("keeps a coalition's notes, record and papers to the delegates of its members", () => {
    expect(
      [france, germany, laos, hana, observer, chair].map((p) => roomAccess(p, notes('eu'))),
    ).toEqual(['write', 'write', 'none', 'none', 'none', 'none'])
    expect(can(germany, { type: 'group-work', groupId: 'eu' }).ok).toBe(true)
    expect(can(laos, { type: 'group-work', groupId: 'eu' }).ok).toBe(false)
    expect(can(france, { type: 'record-into', record: 'group:eu', actorId: 'LAO' }).ok).toBe(true)
    expect(can(hana, { type: 'record-into', record: 'group:eu', actorId: 'LAO' }).ok).toBe(false)
  })

  it('lets only delegates of its members, or the chair, act in a coalition’s name', () => {
    expect(can(france, { type: 'act-for-coalition', groupId: 'eu' }).ok).toBe(true)
    expect(can(chair, { type: 'act-for-coalition', groupId: 'eu' }).ok).toBe(true)
    expect(can(laos, { type: 'act-for-coalition', groupId: 'eu' }).ok).toBe(false)
    // A campaign group is not a coalition that tables proposals.
    expect(can(hana, { type: 'act-for-coalition', groupId: 'hrw' }).ok).toBe(false)
  })

  it("reads a coalition's members as of a round, the latest list at or before it", () => {
    const c = {
      memberships: [
        { roundId: null, actorIds: ['AUT', 'NOR'] },
        { roundId: 'wellington', actorIds: ['AUT', 'NOR', 'NZL'] },
      ],
    }
    const order = ['oslo', 'lima', 'vienna', 'wellington', 'dublin']
    expect(coalitionMembersAt(c, 'vienna', order)).toEqual(['AUT', 'NOR'])
    expect(coalitionMembersAt(c, 'wellington', order)).toEqual(['AUT', 'NOR', 'NZL'])
    expect(coalitionMembersAt(c, 'dublin', order)).toEqual(['AUT', 'NOR', 'NZL'])
    expect(coalitionMembersAt(c, null, order)).toEqual(['AUT', 'NOR', 'NZL'])
    expect(coalitionMembersAt({ memberships: [] }, 'vienna', order)).toEqual([])
  })
})

describe('a session’s text', () => {
  it('is written by its facilitators in session and read by the chair and attendees only', () => {
    const f = facts()
    expect(
      [facilitator, chair, france, germany, laos, hana, observer].map((p) =>
        roomAccess(p, session, undefined, f),
      ),
    ).toEqual(['write', 'read', 'read', 'read', 'none', 'none', 'none'])
  })

  it('is read by every member when open, and by nobody before it opens or without facts', () => {
    expect(roomAccess(observer, session, undefined, facts({ open: true }))).toBe('read')
    expect(roomAccess(hana, session, undefined, facts({ open: true }))).toBe('read')
    expect(roomAccess(chair, session, undefined, facts({ status: 'scheduled' }))).toBe('none')
    expect(roomAccess(facilitator, session, undefined, facts({ status: 'scheduled' }))).toBe('none')
    expect(roomAccess(chair, session)).toBe('none')
  })

  it('stops the facilitators writing once it reported back', () => {
    expect(roomAccess(facilitator, session, undefined, facts({ status: 'reported-back' }))).toBe(
      'read',
    )
    expect(can(facilitator, { type: 'facilitate', session: facts() }).ok).toBe(true)
    expect(can(france, { type: 'facilitate', session: facts() }).ok).toBe(false)
    expect(can(france, { type: 'manage-sessions' }).ok).toBe(false)
    expect(can(chair, { type: 'manage-sessions' }).ok).toBe(true)
  })

  it('admits a listed account to a closed session', () => {
    expect(roomAccess(hana, session, undefined, facts({ attendeeAccountIds: ['hana'] }))).toBe(
      'read',
    )
  })

  it('names session rooms and reads them back', () => {
    expect(parseRoomName('ccm/session/fop-art-2')).toEqual(session)
    expect(roomName(session)).toBe('ccm/session/fop-art-2')
    expect(parseRoomName('ccm/session')).toBeNull()
    expect(parseRoomName('ccm/session/Bad_Key')).toBeNull()
  })
})
