import type WebSocket from 'ws'
import { CloseCode, type RoomRef } from '../../../shared/collab'
import type { Grant } from './access'
import { Connection } from './Connection'
import { handleMessage } from './handleMessage'
import { MalformedMessageError, decodeMessage } from './protocol'
import type { Room } from './Room'
import { StorageFailureError } from './Room'
import type { RoomRegistry } from './rooms'

const toBytes = (data: WebSocket.RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : new Uint8Array(data as ArrayBuffer | Buffer)

/**
 * Serves one admitted websocket in one room: decodes each message on arrival (a malformed one
 * closes this connection only), then queues it in the room in arrival order. `wantsAcks`: the
 * socket asked for durability acknowledgements (`?ack=1`).
 */
export function serveConnection(
  socket: WebSocket,
  name: string,
  ref: RoomRef,
  { access, owner }: Grant,
  registry: RoomRegistry,
  wantsAcks = false,
): void {
  const connection = new Connection(socket, access, owner, ref.negotiationId, wantsAcks)
  registry.track(connection)
  // Messages that arrive while the room loads wait on this promise, in order.
  const joined: Promise<Room | null> = registry.join(name, ref, connection).catch((error) => {
    console.error(`room ${name} failed to load:`, error)
    connection.close(CloseCode.StorageFailure, 'The room could not be loaded; try again.')
    return null
  })

  socket.on('message', (data, isBinary) => {
    let message
    try {
      if (!isBinary) throw new MalformedMessageError('text frames are not part of the protocol')
      message = decodeMessage(toBytes(data))
    } catch (error) {
      refuse(connection, error)
      return
    }
    void joined.then((room) => {
      if (!room) return
      return room.run(async () => {
        if (room.isBroken) return
        try {
          await handleMessage(room, connection, message)
        } catch (error) {
          refuse(connection, error)
        }
      })
    })
  })
  socket.on('close', () => {
    registry.untrack(connection)
    void joined.then((room) => room && registry.leave(room, connection))
  })
  socket.on('error', (error) => console.warn(`collab socket error in ${name}:`, error.message))
}

function refuse(connection: Connection, error: unknown): void {
  if (error instanceof StorageFailureError) {
    console.error('storage failure:', error.message)
    return // the room has already closed every connection with CloseCode.StorageFailure
  }
  // Anything else thrown while decoding or applying a client's bytes is the bytes' fault.
  connection.refuse(CloseCode.MalformedMessage, 'Malformed message: nothing of it was kept.')
}
