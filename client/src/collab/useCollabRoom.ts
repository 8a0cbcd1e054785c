import { useEffect, useRef, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { COLLAB_PATH, CloseCode } from '../../../shared/collab'
import { SCHEMA_VERSION } from '../../../shared/schema'
import { keepOwnPresence } from './keepOwnPresence'

/** How the connection to the room stands, as the status badge shows it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'outdated' | 'refused'

/** A live room: its document and provider once created, and the connection state. */
export interface CollabRoom {
  ydoc: Y.Doc
  provider: WebsocketProvider
  status: ConnectionStatus
  /** True once the first sync with the server has completed; it stays true when offline. */
  synced: boolean
  /** The close code with which the server refused the connection for good, if it did. */
  refusal: number | null
}

/** What the page around the room hears about the server's decisions on the connection. */
export interface CollabRoomEvents {
  /** The server closed the connection with a code that ends it (no session, forbidden, …). */
  onRefused?: (code: number) => void
  /** The person's role changed; the provider reconnects by itself, the page reloads the rights. */
  onMembershipChanged?: () => void
}

// Refusals after which reconnecting cannot help (the provider also stops retrying on 44xx).
const FINAL_REFUSALS = new Set<number>([
  CloseCode.Unauthenticated,
  CloseCode.Forbidden,
  CloseCode.NotFound,
  CloseCode.ReadOnly,
  CloseCode.TooManyConnections,
])

/** The websocket origin matching the page's origin (ws: for http:, wss: for https:). */
export const wsOrigin = (): string =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`

/**
 * Owns the Y.Doc and WebsocketProvider of one room (`<negotiation>/text`, `…/register`,
 * `…/draft/<id>`; see shared/collab/rooms.ts): creates them when the room is opened, follows the
 * connection, and destroys both when it is left. A null room name opens nothing.
 */
export function useCollabRoom(
  name: string | null,
  events: CollabRoomEvents = {},
): CollabRoom | null {
  const [room, setRoom] = useState<CollabRoom | null>(null)
  const eventsRef = useRef(events)
  useEffect(() => {
    eventsRef.current = events
  })

  useEffect(() => {
    if (name === null) return
    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(`${wsOrigin()}${COLLAB_PATH}`, name, ydoc, {
      params: { schema: String(SCHEMA_VERSION) },
    })
    let status: ConnectionStatus = 'connecting'
    let synced = false
    let refusal: number | null = null
    const publish = () => setRoom({ ydoc, provider, status, synced, refusal })
    const setStatus = (next: ConnectionStatus) => {
      // A reload notice or a refusal is final: later reconnect attempts must not hide it.
      if (status === 'outdated' || status === 'refused' || status === next) return
      status = next
      publish()
    }

    provider.on('status', ({ status: s }) => {
      if (s === 'connected') setStatus('connected')
      // Until the first connection succeeds we are "connecting"; after a loss, "offline".
      else if (s === 'disconnected' || status === 'offline') setStatus('offline')
    })
    keepOwnPresence(provider)
    provider.on('connection-error', () => setStatus('offline'))
    provider.on('connection-close', (event) => {
      const code = event?.code ?? 0
      if (code === CloseCode.SchemaOutdated) {
        setStatus('outdated')
        provider.disconnect()
      } else if (FINAL_REFUSALS.has(code)) {
        refusal = code
        setStatus('refused')
        provider.disconnect()
        eventsRef.current.onRefused?.(code)
      } else if (code === CloseCode.MembershipChanged) {
        eventsRef.current.onMembershipChanged?.()
      } else if (!provider.wsconnected) {
        setStatus('offline')
      }
    })
    provider.on('sync', (isSynced) => {
      if (isSynced && !synced) {
        synced = true
        publish()
      }
    })
    publish()

    return () => {
      provider.destroy()
      ydoc.destroy()
      setRoom(null)
    }
  }, [name])

  return room
}
