import { randomUUID } from 'node:crypto'
import { Redis, type RedisOptions } from 'ioredis'
import type { LoginLimits } from '../auth/LoginLimiter'
import type { RoomRegistry } from '../collab/rooms'
import type { TextEditTracker } from '../history/TextEditTracker'
import { ClusterControl } from './ClusterControl'
import { RedisConnectionSlots } from './RedisConnectionSlots'
import { RedisLoginLimiter } from './RedisLoginLimiter'

/**
 * What one process keeps for itself when alone and shares through Redis when several serve the
 * same storage: cuts of live connections, the sign-in limit, the per-person connection limit.
 */
export interface ClusterServices {
  control: ClusterControl
  limiter: RedisLoginLimiter
  slots: RedisConnectionSlots
  /** Gives this instance's connection places back, stops listening, closes the connections. */
  close(): Promise<void>
}

/** How to reach Redis. */
export interface ClusterServicesOptions {
  url: string
  /** REDIS_PREFIX (default `plenary:`): keys `${prefix}login:…`, `${prefix}conns:…`. */
  prefix?: string
  loginLimits?: Partial<LoginLimits>
  /** The edit summaries that a round's close writes out on every instance. */
  edits?: TextEditTracker
}

// Reconnect soon after Redis comes back (as the room bus does).
const retryStrategy = (times: number) => Math.min(50 * times, 500)

/** Connects to Redis and starts the control channel on the registry and the edit summaries. */
export async function startClusterServices(
  registry: RoomRegistry,
  { url, prefix = 'plenary:', loginLimits, edits }: ClusterServicesOptions,
): Promise<ClusterServices> {
  const instanceId = randomUUID()
  // A request waits through at most a couple of reconnects, then fails (a sign-in answers 500)
  // rather than hanging while Redis is away.
  const options: RedisOptions = { retryStrategy, maxRetriesPerRequest: 2 }
  const publisher = new Redis(url, { ...options, connectionName: `plenary-cmd-${instanceId}` })
  const subscriber = new Redis(url, {
    ...options,
    connectionName: `plenary-control-${instanceId}`,
    maxRetriesPerRequest: null,
  })
  // ioredis reports each failed reconnect; commands that fail say so where they are used.
  publisher.on('error', () => {})
  subscriber.on('error', () => {})
  try {
    const control = await ClusterControl.start(registry, edits, {
      instanceId,
      publisher,
      subscriber,
      prefix,
    })
    const limiter = new RedisLoginLimiter(publisher, prefix, loginLimits)
    const slots = new RedisConnectionSlots(publisher, prefix, instanceId)
    return {
      control,
      limiter,
      slots,
      close: async () => {
        await slots.stop()
        await control.stop()
        publisher.disconnect()
        subscriber.disconnect()
      },
    }
  } catch (error) {
    publisher.disconnect()
    subscriber.disconnect()
    throw error
  }
}
