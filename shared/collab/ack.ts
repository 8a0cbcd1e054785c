import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * Durability acknowledgements (issue 14), a backwards-compatible extension of the y-websocket
 * protocol. A client asks for them by adding `ack=1` to the room's URL (the provider's `params`);
 * only such connections ever receive the message, so the official provider, which logs any
 * message type it does not know, is never sent one.
 *
 * The message is `[MESSAGE_ACK: varUint, count: varUint]`: `count` is how many update-carrying
 * messages (sync step 2 or update) this connection has sent that the server has applied and
 * appended to the room's durable log — or found it already held. Messages on one socket are
 * handled in order, so the client knows exactly which of its sends are safe on the server.
 * A new socket starts again from 0.
 */
export const MESSAGE_ACK = 100

/** The URL parameter with which a client asks for acknowledgements (`?ack=1`). */
export const ACK_PARAM = 'ack'

/** Encodes an acknowledgement of `count` update-carrying messages. */
export function encodeAck(count: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_ACK)
  encoding.writeVarUint(encoder, count)
  return encoding.toUint8Array(encoder)
}

/** Reads the count of an acknowledgement whose message type has already been read. */
export const readAckCount = (decoder: decoding.Decoder): number => decoding.readVarUint(decoder)

/**
 * Whether an outgoing y-websocket message carries document changes: a sync step 2 or an update
 * (`[0, 1|2, …]`). Sync step 1, awareness and queries do not.
 */
export function carriesUpdate(message: Uint8Array): boolean {
  return message.length >= 2 && message[0] === 0 && (message[1] === 1 || message[1] === 2)
}
