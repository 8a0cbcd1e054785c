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
 * A stored update is acknowledged to a socket that asked for acks; a refused one never is.
 */
export async function handleMessage(
  room: Room,
  connection: Connection,
  message: ClientMessage,
): Promise<void> {
  if (connection.refused) return
  switch (message.type) {
    case 'sync-step1':
      connection.send(room.syncStep2(message.stateVector))
      return
    case 'sync-step2':
    case 'update':
      if (connection.access !== 'write' && wouldChange(room.doc, message.update)) {
        connection.refuse(CloseCode.ReadOnly, 'This connection may only read the room.')
        return
      }
      await room.applyClientUpdate(connection, message.update)
      await restoreStructure(room, connection)
      connection.acks?.handledOne(message.update, room)
      return
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
