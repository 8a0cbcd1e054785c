import type { RoomMessage } from './RoomBus'

// Frame kinds, the first byte.
const UPDATE = 0
const AWARENESS = 1
const LOST = 2

/** A room message as it travels on Redis, with the instance that published it. */
export interface RoomFrame {
  /** The publishing instance, so that it can drop its own frames. */
  instance: string
  message: RoomMessage
}

/**
 * Encodes a frame: `[kind u8][instance length u8][instance utf8]` then, for an update,
 * `[seq u64 big-endian][update]`, for awareness `[awareness update]` (the y-protocols bytes),
 * for lost publications nothing.
 */
export function encodeRoomFrame({ instance, message }: RoomFrame): Buffer {
  const id = Buffer.from(instance, 'utf8')
  if (id.length > 255) throw new RangeError('instance id longer than 255 bytes')
  const seqBytes = message.kind === 'update' ? 8 : 0
  const payload = message.kind === 'lost' ? new Uint8Array() : message.update
  const frame = Buffer.allocUnsafe(2 + id.length + seqBytes + payload.length)
  frame[0] = { update: UPDATE, awareness: AWARENESS, lost: LOST }[message.kind]
  frame[1] = id.length
  id.copy(frame, 2)
  let at = 2 + id.length
  if (message.kind === 'update') {
    frame.writeBigUInt64BE(BigInt(message.seq), at)
    at += 8
  }
  frame.set(payload, at)
  return frame
}

/** Decodes a frame; throws RangeError on bytes that are not one (a foreign publisher). */
export function decodeRoomFrame(frame: Buffer): RoomFrame {
  if (frame.length < 2) throw new RangeError('room frame too short')
  const kind = frame[0]
  const idEnd = 2 + (frame[1] ?? 0)
  if (frame.length < idEnd) throw new RangeError('room frame too short')
  const instance = frame.toString('utf8', 2, idEnd)
  if (kind === LOST) return { instance, message: { kind: 'lost' } }
  if (kind === AWARENESS) {
    return { instance, message: { kind: 'awareness', update: frame.subarray(idEnd) } }
  }
  if (kind !== UPDATE || frame.length < idEnd + 8) throw new RangeError('not a room frame')
  const seq = Number(frame.readBigUInt64BE(idEnd))
  return { instance, message: { kind: 'update', seq, update: frame.subarray(idEnd + 8) } }
}
