import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NewEvent } from '../../shared/domain/events'
import type { Round } from '../../shared/domain/rounds'
import type { Storage } from '../../server/src/storage/Storage'
import type { StoredSession } from '../../server/src/storage/SessionStore'
import { rawSql } from '../support/rawSql'
import { storageBackends, type OpenedBackend } from '../support/storageBackends'

const round = (id: string, place: string): Round => ({
  id,
  name: `${place} Conference`,
  place,
  startDate: '2007-02-22',
  endDate: '2007-02-23',
  verified: true,
})

const event = (over: Partial<NewEvent> = {}): NewEvent => ({
  negotiationId: 'ccm',
  type: 'text-edited',
  at: '2007-12-05T10:00:00.000Z',
  accountId: null,
  byName: 'Chair',
  actorId: null,
  roundId: null,
  articleId: null,
  proposalId: null,
  data: { insertedChars: 3, nested: { list: [1, 'two', null] } },
  ...over,
})

const session = (over: Partial<StoredSession> = {}): StoredSession => ({
  id: 's-1',
  negotiationId: 'ccm',
  name: 'Friends of the President on Article 2',
  kind: 'friends-of-the-chair',
  facilitators: ['a-chair'],
  articleIds: ['art-2'],
  issueIds: [],
  day: '2008-05-20',
  startTime: '10:00',
  endTime: null,
  place: 'Room B',
  open: false,
  attendeeActorIds: ['AUT', 'NOR'],
  attendeeAccountIds: [],
  status: 'scheduled',
  roundId: null,
  openedAt: null,
  reportedAt: null,
  createdAt: '2008-05-19T09:00:00.000Z',
  createdBy: 'a-chair',
  provenance: 'recorded',
  outcomes: [],
  ...over,
})

const account = (id: string, username: string) => ({
  id,
  username,
  displayName: username,
  passwordHash: 'hash',
  isAdmin: false,
})

// Memberships, invitations, the event log, rounds and parallel sessions: one contract, the same
// answers (orders, nulls, absent fields) from every backend.
describe.each(storageBackends)('negotiation stores on $name', (backend) => {
  let opened: OpenedBackend
  let storage: Storage
  beforeEach(async () => {
    opened = await backend.open()
    storage = opened.storage
    await storage.createNegotiation({ id: 'ccm', name: 'CCM' }, [], [round('oslo', 'Oslo')])
    for (const [id, name] of [
      ['a-chair', 'chair'],
      ['a-bob', 'bob'],
      ['a-alice', 'Alice'],
      ['a-carol', 'Carol'],
    ] as const) {
      await storage.accounts.create(account(id, name))
    }
  })
  afterEach(async () => {
    await opened.cleanup()
  })

  it('keeps memberships, groups and coalition lists in their orders; a group id once', async () => {
    await storage.createNegotiation({ id: 'later', name: 'Later' }, [])
    await storage.members.put('later', 'a-bob', { role: 'observer' })
    expect(await storage.members.createGroup('ccm', { id: 'cmc', name: 'CMC' })).toEqual({
      ok: true,
      group: { id: 'cmc', name: 'CMC' },
    })
    const coalition = {
      id: 'core',
      name: 'Core group',
      kind: 'coalition' as const,
      source: 'Oslo Declaration',
      provenance: 'reported' as const,
    }
    expect(await storage.atomically((tx) => tx.members.createGroup('ccm', coalition))).toEqual({
      ok: true,
      group: coalition,
    })
    expect(await storage.members.createGroup('ccm', { id: 'cmc', name: 'Other' })).toEqual({
      ok: false,
      reason: 'id-taken',
    })
    expect(await storage.members.listGroups('ccm')).toEqual([
      { id: 'cmc', name: 'CMC', kind: 'campaign', source: '', provenance: 'recorded' },
      coalition,
    ])
    expect(await storage.members.getGroup('ccm', 'nobody')).toBeNull()

    await storage.members.put('ccm', 'a-carol', { role: 'delegate', actorId: 'AUT' })
    await storage.members.put('ccm', 'a-bob', { role: 'campaigner', groupId: 'cmc' })
    await storage.atomically(async (tx) => {
      await tx.members.put('ccm', 'a-alice', { role: 'observer' })
      await tx.members.put('ccm', 'a-chair', { role: 'chair' })
    })
    // By username regardless of case (byte order would put Carol before bob).
    expect((await storage.members.listMembers('ccm')).map((m) => m.username)).toEqual([
      'Alice',
      'bob',
      'Carol',
      'chair',
    ])
    expect((await storage.members.listMembers('ccm'))[1]).toEqual({
      accountId: 'a-bob',
      username: 'bob',
      displayName: 'bob',
      membership: { role: 'campaigner', groupId: 'cmc' },
    })
    // Oldest negotiation first, with the group's name only where there is a group.
    expect(await storage.members.listForAccount('a-bob')).toEqual([
      {
        negotiationId: 'ccm',
        negotiationName: 'CCM',
        membership: { role: 'campaigner', groupId: 'cmc' },
        groupName: 'CMC',
      },
      { negotiationId: 'later', negotiationName: 'Later', membership: { role: 'observer' } },
    ])
    await storage.members.put('ccm', 'a-carol', { role: 'observer' })
    expect(await storage.members.get('ccm', 'a-carol')).toEqual({ role: 'observer' })
    expect(await storage.members.remove('ccm', 'a-carol')).toBe(true)
    expect(await storage.members.remove('ccm', 'a-carol')).toBe(false)
    expect(await storage.members.get('ccm', 'a-carol')).toBeNull()

    await storage.members.setCoalitionMembers('ccm', 'core', 'oslo', ['AUT', 'NOR'])
    await storage.atomically((tx) => tx.members.setCoalitionMembers('ccm', 'core', null, ['AUT']))
    await storage.members.setCoalitionMembers('ccm', 'core', 'oslo', ['AUT', 'IRL', 'NOR'])
    expect(await storage.members.listCoalitionMembers('ccm')).toEqual([
      { groupId: 'core', roundId: null, actorIds: ['AUT'] },
      { groupId: 'core', roundId: 'oslo', actorIds: ['AUT', 'IRL', 'NOR'] },
    ])
  })

  it('lists pending invitations as made, uses one once, and says why not', async () => {
    const made = {
      negotiationId: 'ccm',
      createdBy: 'a-chair',
      createdAt: '2008-01-01T00:00:00.000Z',
    }
    const expiresAt = '2008-02-01T00:00:00.000Z'
    for (const hash of ['f'.repeat(64), 'a'.repeat(64), 'c'.repeat(64)]) {
      await storage.invitations.create({
        ...made,
        tokenHash: hash,
        membership: { role: 'delegate', actorId: 'FRA' },
        expiresAt,
      })
    }
    const before = '2008-01-15T00:00:00.000Z'
    // Made at the same instant: listed in the order made, not by hash.
    expect((await storage.invitations.listPending('ccm', before)).map((i) => i.id)).toEqual([
      'f'.repeat(16),
      'a'.repeat(16),
      'c'.repeat(16),
    ])
    expect(await storage.invitations.listPending('ccm', expiresAt)).toEqual([])

    const redeemed = await storage.invitations.redeem('a'.repeat(64), before, {
      newAccount: account('a-dan', 'dan'),
    })
    expect(redeemed).toMatchObject({
      ok: true,
      account: { id: 'a-dan', username: 'dan' },
      invitation: { id: 'a'.repeat(16), usedBy: 'a-dan', usedAt: before },
      previous: null,
    })
    expect(await storage.members.get('ccm', 'a-dan')).toEqual({ role: 'delegate', actorId: 'FRA' })
    const again = { accountId: 'a-bob' }
    expect(await storage.invitations.redeem('a'.repeat(64), before, again)).toEqual({
      ok: false,
      reason: 'used',
    })
    expect(await storage.invitations.redeem('f'.repeat(64), expiresAt, again)).toEqual({
      ok: false,
      reason: 'expired',
    })
    expect(await storage.invitations.redeem('b'.repeat(64), before, again)).toEqual({
      ok: false,
      reason: 'not-found',
    })
    // A username taken in another case stores nothing: the invitation stays unused.
    expect(
      await storage.invitations.redeem('f'.repeat(64), before, {
        newAccount: account('a-bob2', 'BOB'),
      }),
    ).toEqual({ ok: false, reason: 'username-taken' })
    await storage.members.put('ccm', 'a-bob', { role: 'observer' })
    expect(await storage.invitations.redeem('f'.repeat(64), before, again)).toMatchObject({
      ok: true,
      previous: { role: 'observer' },
    })
    expect(await storage.invitations.findByTokenHash('f'.repeat(64))).toMatchObject({
      usedBy: 'a-bob',
      membership: { role: 'delegate', actorId: 'FRA' },
    })
    expect(await storage.invitations.delete('ccm', 'c'.repeat(16))).toBe(true)
    expect(await storage.invitations.delete('ccm', 'c'.repeat(16))).toBe(false)
    expect(await storage.invitations.listPending('ccm', before)).toEqual([])
  })

  it('lets one of three redemptions at once use an invitation, and tells the others it is used', async () => {
    await storage.invitations.create({
      tokenHash: 'e'.repeat(64),
      negotiationId: 'ccm',
      membership: { role: 'observer' },
      createdBy: 'a-chair',
      createdAt: '2008-01-01T00:00:00.000Z',
      expiresAt: '2008-02-01T00:00:00.000Z',
    })
    const now = '2008-01-15T00:00:00.000Z'
    const results = await Promise.all(
      ['erin', 'frank', 'grace'].map((name) =>
        storage.invitations.redeem('e'.repeat(64), now, { newAccount: account(`a-${name}`, name) }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'used' },
      { ok: false, reason: 'used' },
    ])
    // Nobody but the winner got an account or a membership.
    const members = await storage.members.listMembers('ccm')
    expect(members.filter((m) => ['erin', 'frank', 'grace'].includes(m.username))).toHaveLength(1)
    expect(await storage.accounts.count()).toBe(5)
  })

  it('numbers events in order, lists them by filter, and keeps none of a failed command', async () => {
    const first = await storage.events.append(event({ articleId: 'art-1' }))
    const [second, third] = await storage.atomically(async (tx) => [
      await tx.events.append(event({ type: 'proposal-created', proposalId: 'p-1' })),
      await tx.events.append(event({ type: 'round-opened', roundId: 'oslo', data: {} })),
    ])
    expect(first.seq).toBeLessThan(second!.seq)
    expect(second!.seq).toBeLessThan(third!.seq)
    await expect(
      storage.atomically(async (tx) => {
        await tx.events.append(event({ byName: 'lost' }))
        throw new Error('half way')
      }),
    ).rejects.toThrow('half way')
    expect(await storage.events.list('ccm')).toEqual([first, second, third])
    expect(await storage.events.list('ccm', { articleId: 'art-1' })).toEqual([first])
    expect(
      await storage.events.list('ccm', { types: ['round-opened', 'proposal-created'] }),
    ).toEqual([second, third])
    expect(await storage.events.list('ccm', { afterSeq: first.seq, limit: 1 })).toEqual([second])
    expect(await storage.events.list('ccm', { beforeSeq: third!.seq, newestFirst: true })).toEqual([
      second,
      first,
    ])
    expect(await storage.events.list('ccm', { proposalId: 'p-1', actorId: 'FRA' })).toEqual([])
    const later = await storage.events.append(event())
    expect(later.seq).toBeGreaterThan(third!.seq)
  })

  it('never shows a later event before an earlier one that commits after it', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let appended = () => {}
    const firstIn = new Promise<void>((resolve) => (appended = resolve))
    const command = storage.atomically(async (tx) => {
      const e = await tx.events.append(event({ byName: 'first' }))
      appended()
      await held
      return e
    })
    await firstIn
    // Appended while the command's transaction is open: it must not commit ahead of it.
    const summary = storage.events.append(event({ byName: 'second' }))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const meanwhile = await storage.events.list('ccm', { afterSeq: 0 }).finally(release)
    expect(meanwhile.map((e) => e.byName)).not.toContain('second')
    const first = await command
    const second = await summary
    expect(second.seq).toBeGreaterThan(first.seq)
    expect(await storage.events.list('ccm')).toEqual([first, second])
  })

  it('keeps rounds in order with their status and frozen texts', async () => {
    await storage.atomically(async (tx) => {
      await tx.rounds.add('ccm', {
        ...round('lima', 'Lima'),
        outcome: 'Lima text',
        verified: false,
      })
      await tx.rounds.add('ccm', round('vienna', 'Vienna'))
      await tx.rounds.open('ccm', 'oslo', '2007-02-22T09:00:00.000Z')
    })
    const state = new Uint8Array([1, 0, 255, 7])
    const frozen = {
      roundId: 'oslo',
      name: 'Oslo Declaration text',
      closedAt: '2007-02-23T18:00:00.000Z',
      closedBy: 'Chair',
      doc: { type: 'doc', content: [{ type: 'article', attrs: { id: 'art-1' } }] },
      state,
    }
    await storage.atomically(async (tx) => {
      await tx.rounds.close('ccm', frozen)
      await tx.rounds.end('ccm', 'lima', '2007-05-25T18:00:00.000Z')
    })
    await expect(
      storage.atomically((tx) => tx.rounds.end('ccm', 'nowhere', '2007-05-25T18:00:00.000Z')),
    ).rejects.toThrow(/no round "nowhere"/)
    expect(await storage.rounds.list('ccm')).toEqual([
      {
        ...round('oslo', 'Oslo'),
        status: 'closed',
        openedAt: '2007-02-22T09:00:00.000Z',
        closedAt: frozen.closedAt,
        snapshotName: frozen.name,
        closedBy: 'Chair',
      },
      {
        ...round('lima', 'Lima'),
        outcome: 'Lima text',
        verified: false,
        status: 'closed',
        openedAt: '2007-05-25T18:00:00.000Z',
        closedAt: '2007-05-25T18:00:00.000Z',
        snapshotName: null,
        closedBy: null,
      },
      {
        ...round('vienna', 'Vienna'),
        status: 'planned',
        openedAt: null,
        closedAt: null,
        snapshotName: null,
        closedBy: null,
      },
    ])
    expect(await storage.listRounds('ccm')).toEqual(await storage.rounds.list('ccm'))
    expect(await storage.rounds.snapshot('ccm', 'oslo')).toEqual(frozen)
    expect(await storage.rounds.snapshots('ccm')).toEqual([frozen])
    expect(await storage.rounds.snapshot('ccm', 'lima')).toBeNull()
  })

  it('lists sessions by day and time, unset last, with outcomes; an id once', async () => {
    await storage.atomically(async (tx) => {
      expect(await tx.sessions.create(session({ id: 's-late', startTime: '15:00' }))).toEqual({
        ok: true,
      })
      await tx.sessions.create(session({ id: 's-undated', day: null, startTime: null }))
      await tx.sessions.create(session({ id: 's-early', startTime: '09:30' }))
      await tx.sessions.create(session({ id: 's-untimed', startTime: null }))
      await tx.sessions.create(session({ id: 's-before', day: '2008-05-19', startTime: '16:00' }))
    })
    expect(await storage.atomically((tx) => tx.sessions.create(session({ id: 's-late' })))).toEqual(
      { ok: false, reason: 'id-taken' },
    )
    expect((await storage.sessions.list('ccm')).map((s) => s.id)).toEqual([
      's-before',
      's-early',
      's-late',
      's-untimed',
      's-undated',
    ])
    const reported = session({
      id: 's-late',
      startTime: '15:00',
      status: 'reported-back',
      open: true,
      openedAt: '2008-05-20T15:00:00.000Z',
      reportedAt: '2008-05-20T17:00:00.000Z',
      issueIds: ['issue-1'],
    })
    const applied = {
      articleId: 'art-2',
      outcome: 'applied' as const,
      at: '2008-05-21T09:00:00.000Z',
      byAccountId: 'a-chair',
      byName: 'Chair',
    }
    await storage.atomically(async (tx) => {
      await tx.sessions.update(reported)
      await tx.sessions.addOutcome('ccm', 's-late', applied)
      await tx.sessions.addOutcome('ccm', 's-late', { ...applied, outcome: 'left' })
    })
    const expected = { ...reported, outcomes: [applied, { ...applied, outcome: 'left' }] }
    expect(await storage.sessions.get('ccm', 's-late')).toEqual(expected)
    expect((await storage.sessions.list('ccm'))[2]).toEqual(expected)
    expect(await storage.sessions.get('ccm', 's-none')).toBeNull()
  })

  it('refuses to change the event log, frozen texts and session outcomes once written', async () => {
    await storage.events.append(event())
    await storage.atomically(async (tx) => {
      await tx.rounds.close('ccm', {
        roundId: 'oslo',
        name: 'Oslo text',
        closedAt: '2007-02-23T18:00:00.000Z',
        closedBy: 'Chair',
        doc: {},
        state: new Uint8Array([0]),
      })
      await tx.sessions.create(session())
      await tx.sessions.addOutcome('ccm', 's-1', {
        articleId: 'art-2',
        outcome: 'left',
        at: '2008-05-21T09:00:00.000Z',
        byAccountId: 'a-chair',
        byName: 'Chair',
      })
    })
    const sql = rawSql(storage)
    await expect(sql("UPDATE events SET by_name = 'someone else'")).rejects.toThrow(
      /events is append-only/,
    )
    await expect(sql('DELETE FROM events')).rejects.toThrow(/events is append-only/)
    await expect(sql("UPDATE round_snapshots SET name = 'x'")).rejects.toThrow(/append-only/)
    await expect(sql('DELETE FROM session_outcomes')).rejects.toThrow(/append-only/)
    expect(await storage.events.list('ccm')).toHaveLength(1)
    expect(await storage.rounds.snapshots('ccm')).toHaveLength(1)
  })
})
