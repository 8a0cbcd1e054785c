import { useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { OfflineChange } from '../../../shared/domain/offlineChanges'
import { useSession } from '../auth/SessionContext'
import { OfflineRoom } from '../offline/OfflineRoom'
import { setRoomSync } from '../offline/syncRegistry'
import type { ConnectionStatus } from '../offline/watchConnection'

export type { ConnectionStatus } from '../offline/watchConnection'

/** A live room: its document and provider once created, and the connection state. */
export interface CollabRoom {
  ydoc: Y.Doc
  provider: WebsocketProvider
  status: ConnectionStatus
  /** True once the text can be shown: synced with the server, or loaded from this device. */
  synced: boolean
  /** Synced with the server since the room opened: the server holds the room live. */
  serverSynced: boolean
  /** The close code with which the server refused the connection for good, if it did. */
  refusal: number | null
  /** The main text of someone who may edit it: the edits made offline, waiting for review. */
  changeSet: OfflineChange[]
  /** An entry of the change set was applied or dropped. */
  resolveChange: (id: string) => void
  /**
   * The editor's document now, perhaps ahead of `ydoc`: the chair's text moves the editor to a
   * copy of its own when the connection goes, and back after review (OfflineRoom).
   */
  currentDoc: () => Y.Doc
}

/** What the page around the room hears about the server's decisions on the connection. */
export interface CollabRoomEvents {
  /** The server closed the connection with a code that ends it (no session, forbidden, …). */
  onRefused?: (code: number) => void
  /** The person's role changed; the provider reconnects by itself, the page reloads the rights. */
  onMembershipChanged?: () => void
  /** What the sync indicator calls the room (default: from its kind). */
  label?: string
  /** The main text for someone who may edit it: offline edits come back as a change set. */
  review?: boolean
}

/** The websocket origin matching the page's origin (ws: for http:, wss: for https:). */
export const wsOrigin = (): string =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`

/**
 * Owns one room (`<negotiation>/text`, `…/register`, `…/draft/<id>`, …; see
 * shared/collab/rooms.ts) for as long as a page shows it: its document, provider, copy on this
 * device and sync state (client/src/offline/OfflineRoom.ts). A null room name opens nothing.
 */
export function useCollabRoom(
  name: string | null,
  events: CollabRoomEvents = {},
): CollabRoom | null {
  const { state } = useSession()
  const accountId = state.kind === 'signed-in' ? state.me.account.id : null
  const [room, setRoom] = useState<CollabRoom | null>(null)
  const eventsRef = useRef(events)
  useEffect(() => {
    eventsRef.current = events
  })
  const review = events.review ?? false
  const label = events.label

  useEffect(() => {
    if (name === null) return
    const offline = new OfflineRoom({
      name,
      accountId,
      label: eventsRef.current.label,
      review,
      wsOrigin: wsOrigin(),
      onRefused: (code) => eventsRef.current.onRefused?.(code),
      onMembershipChanged: () => eventsRef.current.onMembershipChanged?.(),
    })
    const resolveChange = (id: string) => offline.resolveChange(id)
    const currentDoc = () => offline.current.ydoc
    let shownDoc = offline.current.ydoc
    const publish = () => {
      const next = { ...offline.current, resolveChange, currentDoc }
      if (next.ydoc === shownDoc) return setRoom(next)
      // The editor moves to the other document before the next keystroke reaches the old one.
      shownDoc = next.ydoc
      flushSync(() => setRoom(next))
    }
    const stop = offline.subscribe(publish)
    publish()
    return () => {
      stop()
      offline.destroy()
      setRoom(null)
    }
  }, [name, accountId, review])
  useEffect(() => {
    if (name !== null && label !== undefined) setRoomSync(name, { label })
  }, [name, label])

  return room
}
