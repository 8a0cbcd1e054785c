import * as Y from 'yjs'
import { STORAGE_ORIGIN, parseRoomName, type RoomRef } from '../../../shared/collab'
import { localRoomBus, type RoomBus } from '../cluster/RoomBus'
import type { Storage } from '../storage/Storage'
import type { Connection } from './Connection'
import { defaultOutbox, type OutboxFactory } from './Outbox'
import { DepartedIds } from './PresenceOwners'
import { Room } from './Room'
import { SessionExpiry } from './SessionExpiry'

/** Which connections to cut: all of an account's, or those in one negotiation or credential. */
export interface ConnectionFilter {
  accountId: string
  negotiationId?: string
  sessionId?: string
  tokenId?: string
}

/**
 * The other instances serving the same storage (issue 16): a cut made here is made there too.
 * Set by `cluster/ClusterControl` when REDIS_URL is set; without it there are no peers.
 */
export interface PeerInstances {
  closeConnections(filter: ConnectionFilter, code: number, reason: string): void
  closeRoom(name: string, code: number, reason: string): void
}

/**
 * Watches rooms while they are loaded (e.g. to summarise edits into the event log): `attach`
 * runs once a room has loaded, and the function it returns runs before the room is released.
 */
export interface RoomObserver {
  attach(room: Room): (() => void) | undefined
}

/**
 * The rooms that have connections: loads a room's document from storage on first join, and
 * unloads it once the last connection has left and its queued writes are stored.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>()
  // The loaded room behind each entry of `rooms`, known synchronously for `forget`.
  private readonly live = new Map<string, Room>()
  // Open connections per account, from admission until their socket closes.
  private readonly byAccount = new Map<string, Set<Connection>>()
  // What to run when each observed room is released.
  private readonly detachers = new Map<Room, () => void>()
  // Closes connections whose session expires while they are open.
  private readonly expiry = new SessionExpiry()
  // Presence ids of connections that left, kept for their accounts across room reloads.
  private readonly departedIds = new DepartedIds()
  // Other instances, told of every cut so that a client connected elsewhere is cut too.
  private peers: PeerInstances | undefined

  constructor(
    private readonly storage: Storage,
    private readonly outboxes: OutboxFactory = defaultOutbox,
    private readonly observer?: RoomObserver,
    /** Keeps rooms in step with other instances holding them (default: this instance alone). */
    private readonly bus: RoomBus = localRoomBus,
  ) {}

  /** Names of the rooms loaded (or loading) now. */
  get loaded(): string[] {
    return [...this.rooms.keys()]
  }

  /** Adds a connection to a room, loading the room if needed, and starts its sync. */
  async join(name: string, ref: RoomRef, connection: Connection): Promise<Room> {
    for (;;) {
      const room = await this.acquire(name, ref)
      // The room may have reset itself while we waited; then join the fresh one.
      if (room.isBroken) continue
      room.join(connection)
      return room
    }
  }

  /** Counts an admitted connection against its owner until `untrack`; call before `join`. */
  track(connection: Connection): void {
    const owner = connection.owner
    if (!owner) return
    const set = this.byAccount.get(owner.accountId) ?? new Set()
    set.add(connection)
    this.byAccount.set(owner.accountId, set)
    this.expiry.watch(connection)
  }

  /** Stops counting a connection whose socket has closed. */
  untrack(connection: Connection): void {
    this.expiry.forget(connection)
    const owner = connection.owner
    const set = owner && this.byAccount.get(owner.accountId)
    if (!owner || !set) return
    set.delete(connection)
    if (set.size === 0) this.byAccount.delete(owner.accountId)
  }

  /** How many connections an account has open now. */
  connectionCount(accountId: string): number {
    return this.byAccount.get(accountId)?.size ?? 0
  }

  /** Passes every later `closeConnections` and `closeRoom` on to the other instances too. */
  tellPeers(peers: PeerInstances): void {
    this.peers = peers
  }

  /**
   * Refuses (closes, dropping their queued messages) an account's connections that match the
   * filter, with a close code, here and on every other instance; says how many were here.
   */
  closeConnections(filter: ConnectionFilter, code: number, reason: string): number {
    this.peers?.closeConnections(filter, code, reason)
    return this.closeLocalConnections(filter, code, reason)
  }

  /** `closeConnections` on this instance only (what a peer's cut runs here). */
  closeLocalConnections(filter: ConnectionFilter, code: number, reason: string): number {
    const matching = [...(this.byAccount.get(filter.accountId) ?? [])].filter(
      (c) =>
        (filter.negotiationId === undefined || c.negotiationId === filter.negotiationId) &&
        (filter.sessionId === undefined || c.owner?.sessionId === filter.sessionId) &&
        (filter.tokenId === undefined || c.owner?.tokenId === filter.tokenId),
    )
    matching.forEach((c) => c.refuse(code, reason))
    return matching.length
  }

  /**
   * Refuses every connection on this instance with a code and reason, e.g. so that all reconnect
   * and are admitted afresh once the instances were out of touch and may have missed a cut.
   */
  refuseAllLocal(code: number, reason: string): number {
    const all = [...this.byAccount.values()].flatMap((set) => [...set])
    all.forEach((c) => c.refuse(code, reason))
    return all.length
  }

  /** Removes a connection; the room unloads after its queue drains if nobody else is there. */
  leave(room: Room, connection: Connection): void {
    room.leave(connection)
    if (room.size === 0) this.forgetIfEmpty(room)
  }

  /**
   * Calls `read` with the room's current stored document: the live one if the room is loaded
   * (once nothing in it waits to be stored), else a throwaway copy loaded from storage.
   */
  async read<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const loading = this.rooms.get(name)
    const room = loading && (await loading)
    if (room && !room.isBroken) {
      // Only what is stored may be read: wait for the room's pending batches (never for its
      // queue, which a command reading here may hold); if more came meanwhile, read storage.
      if (room.hasPending) await room.durable()
      if (!room.isBroken && !room.hasPending) return read(room.doc)
    }
    const doc = new Y.Doc()
    try {
      const updates = await this.storage.loadRoom(name)
      doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)), STORAGE_ORIGIN)
      return read(doc)
    } finally {
      doc.destroy()
    }
  }

  /**
   * Runs a server command with the live rooms it changes (in the order named), inside each
   * room's queue, so no client update interleaves with it. Queues are taken in name order, so
   * two commands never wait on each other; rooms nobody has open are loaded for the command and
   * unloaded after it.
   */
  async withRooms<T>(names: string[], command: (rooms: Room[]) => T | Promise<T>): Promise<T> {
    const order = [...new Set(names)].sort()
    const held = new Map<string, Room>()
    const enter = async (i: number): Promise<T> => {
      const name = order[i]
      if (name === undefined) return command(names.map((n) => held.get(n) as Room))
      const ref = parseRoomName(name)
      if (!ref) throw new Error(`not a room name: ${name}`)
      for (;;) {
        const room = await this.acquire(name, ref)
        const outcome = await room.run(async () => {
          // A command stores after what the room applied: that must be durable first.
          await room.durable()
          // The room may have reset itself while we waited; then take the fresh one.
          if (room.isBroken) return null
          held.set(name, room)
          return { value: await enter(i + 1) }
        })
        if (outcome) return outcome.value
      }
    }
    try {
      return await enter(0)
    } finally {
      for (const room of held.values()) {
        if (room.size === 0) this.forgetIfEmpty(room)
      }
    }
  }

  /**
   * Closes a room's connections (if it is loaded), here and on every other instance, e.g. so
   * that they reconnect with new access.
   */
  async closeRoom(name: string, code: number, reason: string): Promise<void> {
    this.peers?.closeRoom(name, code, reason)
    await this.closeLocalRoom(name, code, reason)
  }

  /** `closeRoom` on this instance only (what a peer's cut runs here). */
  async closeLocalRoom(name: string, code: number, reason: string): Promise<void> {
    const room = await this.rooms.get(name)?.catch(() => undefined)
    room?.closeAll(code, reason)
  }

  /** Closes every connection and waits until every room's queued writes are stored. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.expiry.stop()
    const rooms = await Promise.allSettled(this.rooms.values())
    await Promise.all(
      rooms.map(async (settled) => {
        if (settled.status !== 'fulfilled') return
        settled.value.closeAll(code, reason)
        await settled.value.run(async () => {
          await settled.value.durable()
          this.forget(settled.value)
        })
      }),
    )
  }

  private acquire(name: string, ref: RoomRef): Promise<Room> {
    const existing = this.rooms.get(name)
    if (existing) return existing
    const loading = Room.load(
      name,
      ref,
      this.storage,
      this.outboxes,
      (r) => this.forget(r),
      this.departedIds,
      this.bus,
    )
    this.rooms.set(name, loading)
    loading.then(
      (room) => {
        this.live.set(name, room)
        const detach = this.observer?.attach(room)
        if (detach) this.detachers.set(room, detach)
      },
      () => this.rooms.delete(name),
    )
    return loading
  }

  // Unloads a room nobody is in once its queue drained and its pending batches are stored, so the
  // next join loads all of them from storage.
  private forgetIfEmpty(room: Room): void {
    void room.run(async () => {
      if (room.size !== 0) return
      await room.durable()
      if (room.size === 0) this.forget(room)
    })
  }

  // Unregisters a room (the next join loads it afresh from storage) and frees it once idle.
  private forget(room: Room): void {
    if (this.live.get(room.name) === room) {
      this.live.delete(room.name)
      this.rooms.delete(room.name)
    }
    const detach = this.detachers.get(room)
    this.detachers.delete(room)
    detach?.()
    void room.run(async () => {
      await room.durable()
      room.destroy()
    })
  }
}
