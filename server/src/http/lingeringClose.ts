import type { Socket } from 'node:net'
import type { Response } from 'express'

// How long a refused client has to read our answer before its connection is cut.
const LINGER_MS = 2000

/**
 * Answers with `Connection: close` and then closes the way nginx's lingering close does: our
 * side of the connection ends after the answer, and what the client still sends is left unread
 * for at most LINGER_MS, then the socket is destroyed. Destroying it at once, with the rest of
 * an upload still arriving, makes the kernel reset the connection, which can wipe our answer
 * from the client's buffer before the client reads it: it would see a broken pipe, not a 401.
 */
export function closeAfterAnswer(res: Response): void {
  res.setHeader('Connection', 'close')
  const socket = res.req.socket as Socket & { destroySoon?: () => void }
  // Node calls destroySoon once the answer of a `Connection: close` request is written.
  socket.destroySoon = () => {
    // Node has just resumed the request to throw its body away; read no more of it.
    res.req.pause()
    socket.end()
    const timer = setTimeout(() => socket.destroy(), LINGER_MS)
    timer.unref()
    socket.once('close', () => clearTimeout(timer))
  }
}
