import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { CloseCode } from '../../../shared/collab'
import type { ConnectionFilter, PeerInstances, RoomRegistry } from '../collab/rooms'
import type { PeerSummaries, TextEditTracker } from '../history/TextEditTracker'

/** How long a flush waits for the other instances' answers before going on without them. */
export const FLUSH_WAIT_MS = 3000

// One message on the control channel from instance `from`: a cut to make everywhere else, a
// request to write out a negotiation's pending edit summaries, or the answer that it is done.
type ControlMessage =
  | { from: string; kind: 'connections'; filter: ConnectionFilter; code: number; reason: string }
  | { from: string; kind: 'room'; name: string; code: number; reason: string }
  | { from: string; kind: 'flush-edits'; request: string; negotiationId: string }
  | { from: string; kind: 'flushed'; request: string }

// A flush this instance asked for: how many answers are still missing, and what to resolve.
interface Waiting {
  missing: number
  done: () => void
}

/**
 * The control channel between instances (`${prefix}control` on Redis): every cut of live
 * connections made on one instance (a member removed, a role changed, a session or token ended,
 * a room's access changed) is published, and every other instance makes the same cut on its own
 * registry. Without REDIS_URL there is none, and the registry's cuts stay local.
 */
export class ClusterControl implements PeerInstances, PeerSummaries {
  private readonly channel: string
  private readonly waiting = new Map<string, Waiting>()

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
    edits: TextEditTracker | undefined,
    { instanceId, publisher, subscriber, prefix }: ControlOptions,
  ): Promise<ClusterControl> {
    const control = new ClusterControl(instanceId, publisher, subscriber, prefix)
    subscriber.on('message', (channel: string, text: string) => {
      if (channel === control.channel) control.receive(registry, edits, text)
    })
    // Pub/sub keeps nothing for a listener that is away: a cut published while this instance's
    // connection to Redis was down never arrives. So once it is back, every connection here is
    // refused with MembershipChanged and reconnects through the full admission, which reads the
    // stored memberships and sessions: a cut made meanwhile anywhere takes effect here too.
    let outOfTouch = false
    subscriber.on('close', () => {
      outOfTouch = true
    })
    subscriber.on('ready', () => {
      if (!outOfTouch) return
      outOfTouch = false
      const cut = registry.refuseAllLocal(
        CloseCode.MembershipChanged,
        'The servers lost touch for a moment: reconnecting to check your access.',
      )
      if (cut > 0) console.warn(`control channel back: ${cut} connections re-admitted`)
    })
    await subscriber.subscribe(control.channel)
    registry.tellPeers(control)
    edits?.tellPeers(control)
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

  /**
   * Asks every other instance to write out its pending summaries of the negotiation's edits and
   * waits for each to answer (every instance listens on the channel: `PUBSUB NUMSUB` counts
   * them), at most FLUSH_WAIT_MS: one that never answers (killed) has no summaries to give.
   */
  async flushEdits(negotiationId: string): Promise<void> {
    const request = randomUUID()
    try {
      const [, listening] = (await this.publisher.pubsub('NUMSUB', this.channel)) as [
        string,
        number,
      ]
      const others = Number(listening) - 1
      if (others <= 0) return
      const answered = new Promise<void>((resolve) => {
        this.waiting.set(request, { missing: others, done: resolve })
      })
      await this.publisher.publish(
        this.channel,
        JSON.stringify({ from: this.instanceId, kind: 'flush-edits', request, negotiationId }),
      )
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_WAIT_MS)))
      await Promise.race([answered, late]).finally(() => clearTimeout(timer))
    } catch (error) {
      console.error('could not ask the other instances for their edit summaries:', error)
    } finally {
      this.waiting.delete(request)
    }
  }

  /** Stops listening; the connections themselves belong to whoever opened them. */
  async stop(): Promise<void> {
    await this.subscriber.unsubscribe(this.channel).catch(() => undefined)
  }

  // The change that asked for the cut is stored already; a cut that cannot be published is
  // logged. With Redis down the other instances' listeners are down too, and they re-admit
  // every connection when Redis is back; only a lost publishing connection alone misses one.
  private publish(message: ControlMessage): void {
    this.publisher.publish(this.channel, JSON.stringify(message)).catch((error: unknown) => {
      console.error('could not publish a connection cut to the other instances:', error)
    })
  }

  private receive(registry: RoomRegistry, edits: TextEditTracker | undefined, text: string): void {
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
    } else if (message.kind === 'flush-edits') {
      void this.answerFlush(edits, message.request, message.negotiationId)
    } else if (message.kind === 'flushed') {
      const waiting = this.waiting.get(message.request)
      if (waiting && (waiting.missing -= 1) <= 0) waiting.done()
    }
  }

  // Writes out this instance's summaries, then says so (also with none: the asker counts us).
  private async answerFlush(
    edits: TextEditTracker | undefined,
    request: string,
    negotiationId: string,
  ): Promise<void> {
    try {
      await edits?.flushLocal(negotiationId)
    } finally {
      this.publish({ from: this.instanceId, kind: 'flushed', request })
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
