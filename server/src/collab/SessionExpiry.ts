import { CloseCode } from '../../../shared/collab'
import type { Connection } from './Connection'

// setTimeout's longest delay (about 24.8 days); a longer one would fire at once.
const MAX_DELAY_MS = 2 ** 31 - 1

/**
 * Closes each connection with 4401 when the session it signed in with expires, as logging out
 * would: one unref'd timer per connection, from admission until its socket closes.
 */
export class SessionExpiry {
  private readonly timers = new Map<Connection, NodeJS.Timeout>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts the connection's timer, if its owner signed in with a session. */
  watch(connection: Connection): void {
    const expiresAt = connection.owner?.expiresAt
    if (expiresAt === undefined) return
    this.schedule(connection, Date.parse(expiresAt))
  }

  /** Stops the connection's timer; its socket has closed. */
  forget(connection: Connection): void {
    clearTimeout(this.timers.get(connection))
    this.timers.delete(connection)
  }

  /** Stops every timer (the server is closing). */
  stop(): void {
    this.timers.forEach((timer) => clearTimeout(timer))
    this.timers.clear()
  }

  private schedule(connection: Connection, expiresAt: number): void {
    const delay = expiresAt - this.now()
    const timer = setTimeout(
      () => {
        if (expiresAt > this.now()) return this.schedule(connection, expiresAt)
        this.timers.delete(connection)
        connection.refuse(CloseCode.Unauthenticated, 'Your session has expired; sign in again.')
      },
      Math.min(Math.max(delay, 0), MAX_DELAY_MS),
    )
    timer.unref()
    this.timers.set(connection, timer)
  }
}
