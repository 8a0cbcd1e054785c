import * as Y from 'yjs'
import { roomName } from '../../../shared/collab'
import { RoomRegistry } from '../collab/rooms'
import { SerialQueue } from '../proposals/SerialQueue'
import { withNamesOne, type SessionContext } from '../sessions/context'
import { openSession } from '../sessions/openSession'
import { appendSessionEvent } from '../sessions/sessionCommands'
import type { StoredSession } from '../storage/SessionStore'
import type { Storage } from '../storage/Storage'
import type { DemoAccounts } from './demoAccounts'
import { DEMO_MANY_HANDS, demoNotesRooms, readManyHandsDemo } from './demoManyHands'

// Going away: the throwaway registry below has no connections, this only ends its timers.
const GOING_AWAY = 1001

/**
 * The part of the many-hands demo that names accounts, written once the demo's accounts exist:
 * the file's sessions (synthetic, created by the demo's chair, with their `session-created`
 * events), then opened when the file says `in-session` (their text copied from the main text by
 * `openSession`), and the delegations' invented notes, written by their delegates. The file was
 * checked before the demo stored anything; it is read again here against what was stored.
 */
export async function loadDemoSessionsAndNotes(
  storage: Storage,
  accounts: DemoAccounts,
  file: string = DEMO_MANY_HANDS,
): Promise<void> {
  const negotiationId = accounts.negotiation
  const text = await storage.loadRoom(roomName({ negotiationId, kind: 'text' }))
  const { demo, notes } = readManyHandsDemo(file, {
    negotiationId,
    textUpdate: Y.mergeUpdates(text),
    participantIds: (await storage.participants.list(negotiationId)).map((p) => p.actorId),
    roundIds: (await storage.rounds.list(negotiationId)).map((r) => r.id),
    issueIds: (await storage.issues.list(negotiationId)).map((i) => i.id),
    accounts,
  })
  const people = new Map<string, { accountId: string; name: string }>()
  for (const a of accounts.accounts) {
    const found = await storage.accounts.findByUsername(a.username)
    if (!found) throw new Error(`the demo account ${a.username} was not created`)
    people.set(a.username, { accountId: found.id, name: found.displayName })
  }
  const person = (username: string) => {
    const found = people.get(username)
    if (!found) throw new Error(`no demo account ${username}`)
    return found
  }
  const chair = person(accounts.accounts.find((a) => a.role === 'chair')?.username ?? 'chair')
  const registry = new RoomRegistry(storage)
  const ctx: SessionContext = {
    storage,
    registry,
    queue: new SerialQueue(),
    negotiationId,
    byName: chair.name,
    principal: { accountId: chair.accountId, isAdmin: false, membership: { role: 'chair' } },
  }
  try {
    const openRound = (await storage.rounds.list(negotiationId)).find((r) => r.status === 'open')
    const at = new Date().toISOString()
    const sessions: StoredSession[] = demo.sessions.map((s) => ({
      id: s.id,
      negotiationId,
      name: s.name,
      kind: s.kind,
      facilitators: s.facilitators.map((u) => person(u).accountId),
      articleIds: s.articleIds,
      issueIds: s.issueIds,
      day: s.day,
      startTime: s.startTime,
      endTime: s.endTime,
      place: s.place,
      open: s.open,
      attendeeActorIds: s.attendeeActorIds,
      attendeeAccountIds: s.attendeeUsernames.map((u) => person(u).accountId),
      status: 'scheduled',
      roundId: openRound?.id ?? null,
      openedAt: null,
      reportedAt: null,
      createdAt: at,
      createdBy: chair.accountId,
      provenance: s.provenance,
      outcomes: [],
    }))
    const named = await Promise.all(sessions.map((s) => withNamesOne(storage, s)))
    const rooms = demoNotesRooms(negotiationId, notes, person)
    await storage.atomically(async (tx) => {
      for (const [i, s] of sessions.entries()) {
        const created = await tx.sessions.create(s)
        if (!created.ok) throw new Error(`the demo's session "${s.id}" exists already`)
        const session = named[i]
        if (session) await appendSessionEvent(ctx, tx, 'session-created', session, { at })
      }
      for (const { room, update } of rooms) await tx.appendUpdate(room, update)
    })
    for (const s of demo.sessions.filter((s) => s.status === 'in-session')) {
      const opened = await openSession(ctx, negotiationId, s.id, chair)
      if (!opened.ok)
        throw new Error(`the demo's session "${s.id}" does not open: ${opened.message}`)
    }
  } finally {
    await registry.closeAll(GOING_AWAY, 'The demo is loaded.')
  }
}
