import * as Y from 'yjs'
import {
  CloseCode,
  REMOTE_ORIGIN,
  STORAGE_ORIGIN,
  type Origin,
  type RoomRef,
} from '../../../shared/collab'
import {
  localRoomBus,
  subscribeEarly,
  type RoomBus,
  type RoomListener,
  type RoomSubscription,
} from '../cluster/RoomBus'
import { RoomSeqs } from '../cluster/RoomSeqs'
import type { Storage } from '../storage/Storage'
import { wouldChange } from './access'
import type { Connection } from './Connection'
import { GroupCommit } from './GroupCommit'
import type { Outbox, OutboxFactory } from './Outbox'
import { DepartedIds } from './PresenceOwners'
import { MalformedMessageError, type AwarenessEntry } from './protocol'
import { RoomPresence } from './RoomPresence'
import { SyncReplies } from './SyncReplies'

/** How long after a commit a room waits before folding its log, so typing is not held up. */
export const COMPACTION_DELAY_MS = 300

/** Thrown when the room's storage failed; the room has reset itself and every client resyncs. */
export class StorageFailureError extends Error {
  override name = 'StorageFailureError'
}

/** A server command's change, applied to a room's document but not yet stored or sent. */
export interface StagedChange {
  /** The room's name. */
  room: string
  /** The Yjs updates the change made, to store in order. */
  updates: Uint8Array[]
  /**
   * Sends the updates to everyone in the room, on this instance and (with `seqs`, the sequence
   * numbers storing them gave, in order) on the others; only once they are stored.
   */
  publish(seqs?: readonly number[]): void
  /** Gives up the change: the room resets and its clients resync from storage. */
  discard(reason: string): void
}

/**
 * One live room: its Y.Doc and presence, the connections in it, and the write path
 * apply -> append (durable) -> broadcast. All work on a room runs through one serial queue; a
 * client's update joins the room's group commit (GroupCommit.ts) and the queue goes on, but
 * nobody sees, and nothing is stored relative to, a change before it is durable: broadcasts,
 * acks and sync replies wait for its batch, commands and compaction for every pending batch.
 */
export class Room {
  /** The room's document, loaded from storage. */
  readonly doc: Y.Doc
  /** Presence of the room's clients, relayed but never stored. */
  readonly presence: RoomPresence
  // Where stored updates and presence go out to the room's connections.
  private readonly outbox: Outbox
  private readonly connections = new Map<string, Connection>()
  // The sync messages, encoded once per document state for everyone who joins meanwhile.
  private readonly syncReplies: SyncReplies
  private queue: Promise<void> = Promise.resolve()
  // The compaction waiting to run, if one was scheduled.
  private compaction: NodeJS.Timeout | undefined
  private broken = false
  private destroyed = false
  // Which of the room's log entries the document holds, by sequence number.
  private readonly seqs: RoomSeqs
  // Applied updates on their way to the room's log, stored a batch at a time.
  private readonly log: GroupCommit<Connection>

  private constructor(
    /** The room's name, as in `<negotiation>/text`. */
    readonly name: string,
    /** The parsed room name. */
    readonly ref: RoomRef,
    updates: Uint8Array[],
    private readonly storage: Storage,
    outboxes: OutboxFactory,
    private readonly onReset: (room: Room) => void,
    departedIds: DepartedIds,
    seq: number,
    private readonly bus: RoomBus,
    private readonly subscription: RoomSubscription,
  ) {
    this.doc = new Y.Doc({ gc: true })
    this.doc.transact(() => updates.forEach((u) => Y.applyUpdate(this.doc, u)), STORAGE_ORIGIN)
    this.outbox = outboxes(() => this.connections.values())
    this.syncReplies = new SyncReplies(this.doc)
    // A hole left too long is filled from storage, unless the queue filled it meanwhile.
    this.seqs = new RoomSeqs(seq, bus.shared, () => {
      void this.runRemote(async () => {
        if (this.seqs.holeLasted) await this.catchUp()
      })
    })
    this.presence = new RoomPresence(name, this.doc, departedIds, this.outbox, (update) =>
      bus.publishAwareness(name, update),
    )
    this.log = new GroupCommit<Connection>(
      (batch) => this.storage.appendUpdates(this.name, batch),
      (batch, senders, seqs) => {
        batch.forEach((update, i) => {
          this.stored(seqs[i] as number, update)
          if (!this.destroyed) this.outbox.update(update, senders[i])
        })
        this.scheduleCompaction()
      },
      (error) => {
        console.error(`room ${this.name}: storage failed:`, error)
        this.reset('storage failed')
      },
    )
  }

  /**
   * Loads a room's document from storage; `onReset` hears when the room gives up its state, and
   * `departedIds` keeps the presence ids of connections that left, across the room's reloads
   * (the registry's; a room loaded alone keeps its own). With a shared `bus` the room listens to
   * the other instances holding it before it reads storage, so that nothing falls between.
   */
  static async load(
    name: string,
    ref: RoomRef,
    storage: Storage,
    outboxes: OutboxFactory,
    onReset: (room: Room) => void,
    departedIds: DepartedIds = new DepartedIds(),
    bus: RoomBus = localRoomBus,
  ): Promise<Room> {
    const { subscription, deliverTo } = subscribeEarly(bus, name)
    try {
      await subscription.ready
      const { updates, seq } = await storage.loadRoomState(name)
      const room = new Room(
        name,
        ref,
        updates,
        storage,
        outboxes,
        onReset,
        departedIds,
        seq,
        bus,
        subscription,
      )
      deliverTo(room.heard)
      return room
    } catch (error) {
      subscription.close()
      throw error
    }
  }

  /** The number of connections in the room. */
  get size(): number {
    return this.connections.size
  }

  /** The connection in this room with this id (a client transaction's origin names it). */
  connection(id: string): Connection | undefined {
    return this.connections.get(id)
  }

  /** Whether the room gave up on its in-memory state and must be loaded afresh. */
  get isBroken(): boolean {
    return this.broken
  }

  /** Whether some update waits in memory for a missing earlier one (not integrated, not stored). */
  get waitsForMissing(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
  }

  /** Whether every part of `update` is integrated into the document, hence stored. */
  holds(update: Uint8Array): boolean {
    return !wouldChange(this.doc, update)
  }

  /** Whether some update applied to the document is not yet durable. */
  get hasPending(): boolean {
    return this.log.pending
  }

  /**
   * Resolves once every update applied so far is durable, or the room reset (check `isBroken`).
   * Awaited inside the queue, the document then holds nothing unstored.
   */
  durable(): Promise<void> {
    return this.log.durable()
  }

  /**
   * Runs `task` once every update applied so far is durable (at once if it is); never if the
   * room resets first. What shows the document as it is now waits for it (a sync reply, an ack).
   */
  afterStored(task: () => void): void {
    this.log.afterStored(task)
  }

  /** Runs a task after every task queued before it; the queue goes on even if it throws. */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.queue.then(task)
    this.queue = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }

  /** Adds a connection and starts its sync: our state vector, and everyone's presence. */
  join(connection: Connection): void {
    this.connections.set(connection.id, connection)
    connection.send(this.syncReplies.syncStep1())
    const present = this.presence.snapshot()
    if (present) connection.send(present)
  }

  /** The server's sync step 2 for a client's state vector: everything the client lacks. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    return this.syncReplies.syncStep2(stateVector)
  }

  /** Removes a connection and the presence it announced (not an id another tab took over). */
  leave(connection: Connection): void {
    if (!this.connections.delete(connection.id)) return
    this.presence.leave(connection)
  }

  /**
   * Applies a client's update and adds what it changed to the room's log: broadcast to the others
   * once durable (`afterStored` runs after that). Throws MalformedMessageError (nothing stored or
   * sent) if Yjs cannot apply it.
   */
  async applyClientUpdate(connection: Connection, update: Uint8Array): Promise<void> {
    const { changes, error } = this.capture(() =>
      Y.applyUpdate(this.doc, update, connection.origin),
    )
    if (error !== undefined) {
      connection.refuse(CloseCode.MalformedMessage, 'Malformed update: nothing of it was kept.')
      // An update that failed half way may have left part of itself in the document: nothing
      // of it is stored, so drop the in-memory state and let everyone resync from storage.
      if (changes.length > 0) this.reset('a malformed update was partly applied')
      throw new MalformedMessageError(`update could not be applied: ${String(error)}`)
    }
    this.log.add(changes, connection)
  }

  /** Runs a server-side change (a REST command) through the same store-then-broadcast path. */
  async transact(origin: Origin, change: (doc: Y.Doc) => void): Promise<void> {
    // Stored after, and relative to, what the room applied before: that must be durable first.
    await this.log.durable()
    const staged = this.stage(origin, change)
    let seqs: number[]
    try {
      seqs = await this.storage.appendUpdates(this.name, staged.updates)
    } catch (error) {
      staged.discard('storage failed')
      throw new StorageFailureError(String(error))
    }
    staged.publish(seqs)
  }

  /**
   * Applies a server command's change to the document without storing or sending it, for a
   * command that stores several rooms' changes in one transaction: store `updates`, then
   * `publish()`; if storing failed, `discard()` resets the room so that nothing unstored lingers.
   * Call inside `run` once `durable()` resolved (nothing unstored in the document), and finish
   * before the task ends. A change that throws is refused here.
   */
  stage(origin: Origin, change: (doc: Y.Doc) => void): StagedChange {
    if (this.broken) throw new StorageFailureError(`room ${this.name} was reset; load it again`)
    const { changes, error } = this.capture(() => this.doc.transact(() => change(this.doc), origin))
    if (error !== undefined) {
      if (changes.length > 0) this.reset('a server command failed half way')
      throw error
    }
    return {
      room: this.name,
      updates: changes,
      publish: (seqs) => {
        changes.forEach((update, i) => {
          const seq = seqs?.[i]
          if (seq !== undefined) this.stored(seq, update)
          this.outbox.update(update)
        })
        if (changes.length > 0) this.scheduleCompaction()
      },
      discard: (reason) => {
        if (changes.length > 0) this.reset(reason)
      },
    }
  }

  /**
   * Applies what a client may say of presence (its own client ids, the fields the UI reads) and
   * relays it to everyone in the room; entries for other people's ids never reach anyone.
   */
  applyAwareness(connection: Connection, entries: AwarenessEntry[]): void {
    this.presence.apply(connection, entries)
  }

  /**
   * Refuses (dropping what they queued) the room's writers that `which` picks, e.g. a session's
   * facilitators once it reported back: they reconnect and are admitted with their new access.
   */
  refuseWriters(which: (c: Connection) => boolean, code: number, reason: string): number {
    const cut = [...this.connections.values()].filter((c) => c.access === 'write' && which(c))
    cut.forEach((c) => c.refuse(code, reason))
    return cut.length
  }

  /** Closes every connection in the room with a code and reason. */
  closeAll(code: number, reason: string): void {
    this.outbox.flush()
    for (const connection of this.connections.values()) {
      connection.close(code, reason)
      // Their ids stay theirs in the room loaded next, as if each had left.
      this.presence.release(connection)
    }
    this.connections.clear()
  }

  /**
   * Releases the document and presence timers, and stops listening to other instances; updates
   * not yet being stored are dropped (call after `durable()` to keep them).
   */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.log.stop()
    this.subscription.close()
    clearTimeout(this.compaction)
    this.seqs.stop()
    this.syncReplies.destroy()
    this.outbox.destroy()
    this.presence.destroy()
    this.doc.destroy()
  }

  // Collects the updates a transaction emits: exactly what changed, nothing the doc already had.
  private capture(apply: () => void): { changes: Uint8Array[]; error?: unknown } {
    const changes: Uint8Array[] = []
    const collect = (update: Uint8Array) => changes.push(update)
    this.doc.on('update', collect)
    try {
      apply()
      return { changes }
    } catch (error) {
      return { changes, error: error ?? new Error('unknown error') }
    } finally {
      this.doc.off('update', collect)
    }
  }

  // An update of this instance's is stored as `seq`: the other instances holding the room apply it.
  // Another's update heard before this one was numbered waited for it: it is applied now.
  private stored(seq: number, update: Uint8Array): void {
    const ready = this.seqs.own(seq)
    this.bus.publishUpdate(this.name, seq, update)
    if (ready.length > 0) void this.runRemote(() => this.applyRemote(ready))
  }

  // What another instance said of the room: presence at once, updates in the room's queue.
  private readonly heard: RoomListener = {
    message: (message) => {
      if (this.destroyed) return
      if (message.kind === 'awareness') this.presence.applyRemote(message.update)
      else if (message.kind === 'lost') void this.runRemote(() => this.catchUp())
      else
        void this.runRemote(() => this.applyRemote(this.seqs.remote(message.seq, message.update)))
    },
    reconnected: () => void this.runRemote(() => this.catchUp()),
  }

  private runRemote(task: () => Promise<void>): Promise<void> {
    return this.run(async () => {
      if (!this.destroyed && !this.broken) await task()
    }).catch((error) => console.error(`room ${this.name}: update from another instance:`, error))
  }

  // Reads what the room's log holds past `held` (a message was lost, or the bus was away).
  private async catchUp(): Promise<void> {
    let state
    try {
      state = await this.storage.loadRoomState(this.name, this.seqs.held)
    } catch (error) {
      this.reset('storage failed')
      throw new StorageFailureError(String(error))
    }
    await this.applyRemote([...state.updates, ...this.seqs.caughtUp(state.seq)])
  }

  // Applies stored updates of other instances and sends what they changed to this instance's
  // connections. A client's update that waited for a missing part may integrate with them: that
  // part is stored nowhere yet, so the change is stored (again, harmlessly) as this instance's.
  private async applyRemote(updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    const waited = this.waitsForMissing
    const { changes, error } = this.capture(() =>
      this.doc.transact(() => updates.forEach((u) => Y.applyUpdate(this.doc, u)), REMOTE_ORIGIN),
    )
    if (error !== undefined) {
      this.reset('a stored update could not be applied')
      throw error
    }
    if (waited) this.log.add(changes)
    else changes.forEach((update) => this.outbox.update(update))
  }

  // Folds the room's log into a snapshot of the live document once storage asks for it: once per
  // threshold, not per keystroke, a moment after the commit that crossed it, inside the queue so
  // that the snapshot holds exactly what was stored.
  private scheduleCompaction(): void {
    if (this.compaction || this.destroyed || !this.storage.wantsCompaction(this.name)) return
    this.compaction = setTimeout(() => {
      void this.run(async () => {
        this.compaction = undefined
        // The snapshot must hold only what is stored.
        await this.log.durable()
        if (this.destroyed || this.broken || !this.storage.wantsCompaction(this.name)) return
        // The snapshot holds every entry up to `held` (and some past it, which replay harmlessly).
        await this.storage.compactWith(this.name, Y.encodeStateAsUpdate(this.doc), this.seqs.held)
      }).catch((error) => console.error(`room ${this.name}: compaction failed:`, error))
    }, COMPACTION_DELAY_MS)
    this.compaction.unref()
  }

  // Gives up the in-memory state; clients reconnect (4500 is transient) and resync from disk.
  private reset(reason: string): void {
    if (this.broken) return
    this.broken = true
    this.closeAll(CloseCode.StorageFailure, `Room reset: ${reason}; reconnecting.`)
    this.onReset(this)
  }
}
