import { describe, expect, it } from 'vitest'
import type { RoomRef } from '../../shared/collab/rooms'
import { can, roomAccess, type Membership, type Principal } from '../../shared/domain/policy'

const who = (membership: Membership | null, isAdmin = false): Principal => ({
  accountId: 'acc',
  isAdmin,
  membership,
})
const chair = who({ role: 'chair' })
const france = who({ role: 'delegate', actorId: 'FRA' })
const cmc = who({ role: 'campaigner', groupId: 'cmc' })
const observer = who({ role: 'observer' })
const stranger = who(null)
const admin = who(null, true)

const text: RoomRef = { negotiationId: 'ccm', kind: 'text' }
const register: RoomRef = { negotiationId: 'ccm', kind: 'register' }
const notes = (key: string): RoomRef => ({ negotiationId: 'ccm', kind: 'notes', key })
const draft: RoomRef = { negotiationId: 'ccm', kind: 'draft', key: 'p1' }

describe('room access', () => {
  it('lets the chair write the text and every other member only read it', () => {
    expect([chair, admin, france, cmc, observer, stranger].map((p) => roomAccess(p, text))).toEqual(
      ['write', 'write', 'read', 'read', 'read', 'none'],
    )
  })

  it('lets nobody write the register, which the server alone changes', () => {
    expect([chair, france, observer, stranger].map((p) => roomAccess(p, register))).toEqual([
      'read',
      'read',
      'read',
      'none',
    ])
  })

  it("keeps a group's notes to that group, and shows published notes to every member", () => {
    expect([cmc, chair, france, observer].map((p) => roomAccess(p, notes('cmc')))).toEqual([
      'write',
      'none',
      'none',
      'none',
    ])
    expect(roomAccess(cmc, notes('hrw'))).toBe('none')
    expect([cmc, france, stranger].map((p) => roomAccess(p, notes('public')))).toEqual([
      'read',
      'read',
      'none',
    ])
  })

  it('gives a draft to its sponsors until it is tabled, then to every member to read', () => {
    const open = { sponsors: ['FRA', 'DEU'], tabled: false }
    expect(roomAccess(france, draft, open)).toBe('write')
    expect(roomAccess(who({ role: 'delegate', actorId: 'AUT' }), draft, open)).toBe('none')
    expect(roomAccess(chair, draft, open)).toBe('none')
    expect(roomAccess(france, draft)).toBe('none')
    expect(roomAccess(observer, draft, { ...open, tabled: true })).toBe('read')
    expect(roomAccess(france, draft, { ...open, tabled: true })).toBe('read')
  })
})

describe('actions', () => {
  it('lets a delegate act only for their own delegation', () => {
    expect(can(france, { type: 'act-for', actorId: 'FRA' }).ok).toBe(true)
    const refused = can(france, { type: 'act-for', actorId: 'DEU' })
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('DEU') })
    expect(can(chair, { type: 'act-for', actorId: 'DEU' }).ok).toBe(true)
    expect(can(cmc, { type: 'act-for', actorId: 'FRA' }).ok).toBe(false)
    expect(can(observer, { type: 'act-for', actorId: 'FRA' }).ok).toBe(false)
  })

  it('keeps the text, members, rounds and actors to the chair', () => {
    for (const type of ['edit-text', 'manage-members', 'manage-rounds', 'manage-actors'] as const) {
      expect([chair, admin, france, cmc, observer].map((p) => can(p, { type }).ok)).toEqual([
        true,
        true,
        false,
        false,
        false,
      ])
    }
  })

  it('refuses everything to a non-member, with a reason', () => {
    expect(can(stranger, { type: 'read-negotiation' })).toEqual({
      ok: false,
      reason: 'You are not a member of this negotiation.',
    })
  })

  it('lets campaigners annotate only for their own group', () => {
    expect(can(cmc, { type: 'annotate', groupId: 'cmc' }).ok).toBe(true)
    expect(can(cmc, { type: 'annotate', groupId: 'hrw' }).ok).toBe(false)
    expect(can(chair, { type: 'annotate', groupId: 'cmc' }).ok).toBe(false)
  })

  it('lets only a group’s campaigners read its notes, and says so as reading', () => {
    expect(can(cmc, { type: 'read-notes', groupId: 'cmc' }).ok).toBe(true)
    expect(can(cmc, { type: 'read-notes', groupId: 'hrw' })).toEqual({
      ok: false,
      reason: 'Only members of this group read its notes.',
    })
    expect(can(chair, { type: 'read-notes', groupId: 'cmc' }).ok).toBe(false)
  })
})
