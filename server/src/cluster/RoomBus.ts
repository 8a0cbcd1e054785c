/**
 * What one instance hears of a room from the others: a stored update with its sequence number in
 * the room's log, a presence (awareness) update from a client connected elsewhere, or word that
 * some of an instance's publications on the room were lost (read the room's log).
 */
export type RoomMessage =
  | { kind: 'update'; seq: number; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'lost' }

/** What a room does with what the bus hears for it. */
export interface RoomListener {
  /** Another instance published this (never one's own publications). */
  message(message: RoomMessage): void
  /**
   * The bus was cut off for a while and is listening again: messages may have been lost, so the
   * room catches up from storage by sequence number.
   */
  reconnected(): void
}

/** One room's subscription on the bus. */
export interface RoomSubscription {
  /** Resolves once everything published on the room from now on will be heard. */
  readonly ready: Promise<void>
  /** Stops listening (the room unloaded). */
  close(): void
}

/**
 * Keeps the instances that hold a room in step (issue 16): each publishes what its room stored
 * (with the update's sequence number) and the presence its own connections announced; the others
 * apply it. The single-instance default is `localRoomBus`, which carries nothing.
 */
export interface RoomBus {
  /** Whether other instances may hold the same rooms (false: sequence numbers need no checks). */
  readonly shared: boolean
  /** Listens to a room's messages from other instances. */
  subscribe(room: string, listener: RoomListener): RoomSubscription
  /** Tells the other instances that the room stored `update` as sequence number `seq`. */
  publishUpdate(room: string, seq: number, update: Uint8Array): void
  /** Tells the other instances of presence one's own connections announced (an awareness update). */
  publishAwareness(room: string, update: Uint8Array): void
  /** Stops listening and closes any connection. */
  close(): Promise<void>
}

const noSubscription: RoomSubscription = { ready: Promise.resolve(), close: () => {} }

/** One instance alone: nobody else holds its rooms, so nothing is published or heard. */
export const localRoomBus: RoomBus = {
  shared: false,
  subscribe: () => noSubscription,
  publishUpdate: () => {},
  publishAwareness: () => {},
  close: () => Promise.resolve(),
}

/** A subscription made before its room exists, and how to hand the room what it heard. */
export interface EarlySubscription {
  subscription: RoomSubscription
  /** From now on the bus speaks to `listener`, which first hears, in order, what came before. */
  deliverTo(listener: RoomListener): void
}

/**
 * Subscribes for a room that is still loading, so that nothing published between the read of
 * its state and its first message is missed: what the bus says meanwhile waits for the room.
 */
export function subscribeEarly(bus: RoomBus, room: string): EarlySubscription {
  const early: (RoomMessage | 'reconnected')[] = []
  let target: RoomListener | undefined
  const subscription = bus.subscribe(room, {
    message: (message) => (target ? target.message(message) : void early.push(message)),
    reconnected: () => (target ? target.reconnected() : void early.push('reconnected')),
  })
  return {
    subscription,
    deliverTo: (listener) => {
      target = listener
      for (const heard of early.splice(0)) {
        if (heard === 'reconnected') listener.reconnected()
        else listener.message(heard)
      }
    },
  }
}
