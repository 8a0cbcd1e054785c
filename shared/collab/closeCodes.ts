/**
 * Websocket close codes with which the server refuses a connection or a message.
 * 4000-4999 is the range RFC 6455 leaves to applications; the y-websocket provider treats
 * 4400-4499 as final (it stops reconnecting) and retries every other code.
 */
export const CloseCode = {
  /** The room name is not a well-formed room. */
  BadRoom: 4400,
  /** The client speaks an older schema; it must reload. */
  SchemaOutdated: 4409,
  /** No session or token. */
  Unauthenticated: 4401,
  /** Authenticated, but not allowed in this room. */
  Forbidden: 4403,
  /** The room's negotiation does not exist. */
  NotFound: 4404,
  /** The connection may only read and sent a write. */
  ReadOnly: 4405,
  /** A message could not be decoded or its update could not be applied. */
  MalformedMessage: 4422,
  /** A message exceeded the size limit. */
  MessageTooLarge: 4413,
  /** The person has too many connections open already. */
  TooManyConnections: 4429,
  /** The person's role changed: reconnect to get the new access (not in 44xx, so it retries). */
  MembershipChanged: 4001,
  /**
   * The connection fell too far behind the room (its socket stopped reading): closed so that
   * the room and memory are not held up; not in 44xx, so the client reconnects and resyncs.
   */
  SlowReader: 4002,
  /** Storage failed; nothing of the message was kept. */
  StorageFailure: 4500,
} as const

export type CloseCodeName = keyof typeof CloseCode

/** The name of a close code, for logs and client messages. */
export function closeCodeName(code: number): CloseCodeName | undefined {
  return (Object.keys(CloseCode) as CloseCodeName[]).find((k) => CloseCode[k] === code)
}
