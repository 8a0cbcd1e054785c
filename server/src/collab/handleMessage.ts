import { CloseCode } from '../../../shared/collab'
import { wouldChange } from './access'
import type { Connection } from './Connection'
import type { ClientMessage } from './protocol'
import { restoreStructure } from './restoreStructure'
import type { Room } from './Room'

/**
 * Acts on one decoded client message in its room; runs inside the room's queue. Writes from a
 * read-only connection are refused with CloseCode.ReadOnly and never reach the document. An
 * update that arrived before its socket closed is still applied: the client counts it as sent.
 * An update is acknowledged to a socket that asked for acks once it is stored; a refused one
 * never is. Nothing here waits for storage: the room's batch does (`Room.afterStored`).
 */
export async function handleMessage(
  room: Room,
  connection: Connection,
  message: ClientMessage,
): Promise<void> {
  if (connection.refused) return
  switch (message.type) {
    case 'sync-step1': {
      // The document as it is now, sent once all of it is durable (the room's pending batch).
      const reply = room.syncStep2(message.stateVector)
      room.afterStored(() => connection.send(reply))
      return
    }
    case 'sync-step2':
    case 'update': {
      if (connection.access !== 'write' && wouldChange(room.doc, message.update)) {
        connection.refuse(CloseCode.ReadOnly, 'This connection may only read the room.')
        return
      }
      await room.applyClientUpdate(connection, message.update)
      await restoreStructure(room, connection)
      // Counted in order, as of the document now; acknowledged once that is durable.
      const stored = connection.acks?.handledOne(message.update, room)
      if (stored) room.afterStored(stored)
      return
    }
    case 'awareness':
      // Presence from a socket that already left would linger until it timed out.
      if (connection.closed) return
      room.applyAwareness(connection, message.entries)
      return
    case 'query-awareness': {
      const present = room.presence.snapshot()
      if (present) connection.send(present)
      return
    }
  }
}
