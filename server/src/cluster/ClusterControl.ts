import type { Redis } from 'ioredis'
import type { ConnectionFilter, PeerInstances, RoomRegistry } from '../collab/rooms'

// One message on the control channel: a cut made on instance `from`, to be made everywhere else.
type ControlMessage =
  | { from: string; kind: 'connections'; filter: ConnectionFilter; code: number; reason: string }
  | { from: string; kind: 'room'; name: string; code: number; reason: string }

/**
 * The control channel between instances (`${prefix}control` on Redis): every cut of live
 * connections made on one instance (a member removed, a role changed, a session or token ended,
 * a room's access changed) is published, and every other instance makes the same cut on its own
 * registry. Without REDIS_URL there is none, and the registry's cuts stay local.
 */
export class ClusterControl implements PeerInstances {
  private readonly channel: string

  private constructor(
    private readonly instanceId: string,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
  ) {
    this.channel = `${prefix}control`
  }

  /**
   * Subscribes (the subscriber connection is this channel's alone) and tells the registry to
   * pass its cuts on; resolves once subscribed, so no cut published after it is missed.
   */
  static async start(
    registry: RoomRegistry,
    { instanceId, publisher, subscriber, prefix }: ControlOptions,
  ): Promise<ClusterControl> {
    const control = new ClusterControl(instanceId, publisher, subscriber, prefix)
    subscriber.on('message', (channel: string, text: string) => {
      if (channel === control.channel) control.receive(registry, text)
    })
    await subscriber.subscribe(control.channel)
    registry.tellPeers(control)
    return control
  }

  /** Publishes a connection cut for the other instances (the registry made it here already). */
  closeConnections(filter: ConnectionFilter, code: number, reason: string): void {
    this.publish({ from: this.instanceId, kind: 'connections', filter, code, reason })
  }

  /** Publishes a room cut for the other instances (the registry made it here already). */
  closeRoom(name: string, code: number, reason: string): void {
    this.publish({ from: this.instanceId, kind: 'room', name, code, reason })
  }

  /** Stops listening; the connections themselves belong to whoever opened them. */
  async stop(): Promise<void> {
    await this.subscriber.unsubscribe(this.channel).catch(() => undefined)
  }

  // The change that asked for the cut is stored already; a cut that cannot be published is
  // logged, and the other instance's clients keep their access until they reconnect.
  private publish(message: ControlMessage): void {
    this.publisher.publish(this.channel, JSON.stringify(message)).catch((error: unknown) => {
      console.error('could not publish a connection cut to the other instances:', error)
    })
  }

  private receive(registry: RoomRegistry, text: string): void {
    let message: ControlMessage
    try {
      message = JSON.parse(text) as ControlMessage
    } catch {
      return
    }
    // Our own cut, heard back: made already.
    if (message.from === this.instanceId) return
    if (message.kind === 'connections') {
      registry.closeLocalConnections(message.filter, message.code, message.reason)
    } else if (message.kind === 'room') {
      void registry.closeLocalRoom(message.name, message.code, message.reason)
    }
  }
}

/** The Redis connections and names a control channel runs on. */
export interface ControlOptions {
  /** This process's id, to drop its own messages heard back. */
  instanceId: string
  /** A connection for commands and publishing. */
  publisher: Redis
  /** A connection in subscriber mode, used by nothing else. */
  subscriber: Redis
  /** REDIS_PREFIX, e.g. `plenary:`. */
  prefix: string
}
