import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react'
import { createPortal } from 'react-dom'
import type { ConnectionStatus } from '../collab/useCollabRoom'
import { ConnectionBadge } from '../features/presence/ConnectionBadge'
import { countRender } from '../renderCounts'
import { LocalCopies } from './LocalCopies'
import { keepsPrivateRooms, setKeepsPrivateRooms, useLocalRoomsVersion } from './localRooms'
import { summarize, useRoomSync, type RoomSync, type SyncSummary } from './syncRegistry'
import { goToChangeSet } from './ChangeSetReview'
import { headerSummary, keptWords, reviewWords, syncWords } from './syncWords'
import './syncIndicator.css'

type SyncState = SyncSummary['state']

interface SyncIndicatorProps {
  /** Whose opt-in and local copies the popover shows. */
  accountId: string
  /** The text room's connection, shown as the `.connection` badge inside the popover. */
  textStatus: ConnectionStatus
}

/**
 * The header's sync status (issue 14): one button saying whether everything open here is saved on
 * the server, only on this device, or offline since when; it opens a popover with each room's
 * state, the choice to keep private rooms on this device, and the local copies the server refused.
 */
export function SyncIndicator({ accountId, textStatus }: SyncIndicatorProps) {
  countRender('sync-indicator')
  const rooms = useRoomSync()
  const summary = headerSummary(rooms, textStatus)
  const words = syncWords(summary)
  const said = useTransitionAnnouncement(summary.state, words)
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const popover = useRef<HTMLDivElement>(null)
  const id = useId()

  useEffect(() => {
    if (!open) return
    popover.current?.focus()
    // A click or tap elsewhere closes it, as popovers do (focus stays where it went).
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    return () => document.removeEventListener('pointerdown', away)
  }, [open])

  const onKeyDown = (e: KeyboardEvent) => {
    // A confirm dialog inside handles its own Escape; the menu around must not close as well.
    if (e.key !== 'Escape' || !open || (e.target as Element).closest('dialog')) return
    e.preventDefault()
    setOpen(false)
    button.current?.focus()
  }

  return (
    <div ref={root} className="sync-indicator" data-sync={summary.state} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="sync-button"
        aria-expanded={open}
        aria-controls={`${id}-popover`}
        onClick={() => setOpen(!open)}
      >
        <SyncIcon state={summary.state} />
        <SyncWords words={words} />
      </button>
      <div
        ref={popover}
        id={`${id}-popover`}
        className="sync-popover"
        role="dialog"
        aria-label="Sync status"
        tabIndex={-1}
        hidden={!open}
      >
        <h2 className="sync-heading">Sync status</h2>
        <p className="sync-summary" data-sync={summary.state}>
          <SyncIcon state={summary.state} />
          {words}
        </p>
        <p className="sync-connection">
          Connection to the server: <ConnectionBadge status={textStatus} quiet />
        </p>
        <RoomList rooms={rooms} />
        <KeepPrivateRooms accountId={accountId} />
        <LocalCopies accountId={accountId} />
      </div>
      {createPortal(
        <div className="visually-hidden" role="status" data-testid="sync-announcer">
          {said}
        </div>,
        document.body,
      )}
    </div>
  )
}

/**
 * The words to announce: the new state's, whenever the state changes (not the first render, and
 * not when only a count changes). The region sits in <body>, since the menu may hide the bar's.
 */
function useTransitionAnnouncement(state: SyncState, words: string): string {
  const [last, setLast] = useState(state)
  const [said, setSaid] = useState('')
  if (state !== last) {
    setLast(state)
    setSaid(words)
  }
  return said
}

/** Each open room, with its own state, whether this device keeps it, and what is left to review. */
function RoomList({ rooms }: { rooms: readonly RoomSync[] }) {
  if (rooms.length === 0) return <p className="sync-hint">No room is open on this page.</p>
  return (
    <ul className="sync-rooms" aria-label="Rooms open on this page">
      {rooms.map((room) => {
        const own = summarize([room])
        return (
          <li key={room.room} className="sync-room" data-room={room.room} data-sync={own.state}>
            <span className="sync-room-label">{room.label}</span>
            <span className="sync-room-state">
              <SyncIcon state={own.state} />
              <SyncWords words={syncWords(own)} />
            </span>
            <span className="sync-room-more">
              <span className="sync-room-kept">{keptWords(room.kept)}</span>
              {room.changeSet > 0 && (
                <button type="button" className="sync-room-review" onClick={goToChangeSet}>
                  {reviewWords(room.changeSet)}
                </button>
              )}
            </span>
          </li>
        )
      })}
    </ul>
  )
}

/** The opt-in to keep drafts, group notes and session texts in this browser. */
function KeepPrivateRooms({ accountId }: { accountId: string }) {
  useLocalRoomsVersion()
  const id = useId()
  return (
    <div className="sync-keep">
      <label>
        <input
          type="checkbox"
          checked={keepsPrivateRooms(accountId)}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setKeepsPrivateRooms(accountId, e.target.checked)}
        />{' '}
        Keep drafts and group notes on this device
      </label>
      <p id={`${id}-hint`} className="sync-hint">
        Applies to drafts, group notes and session texts opened from now on; the text, the proposals
        and published notes are always kept. Signing out deletes everything Plenary keeps on this
        device.
      </p>
    </div>
  )
}

/**
 * The words, each part of "Offline since 10:42 · 3 changes only on this device" on a line of its
 * own where CSS stacks them (the separator is then only heard), so that the bar stays narrow.
 */
function SyncWords({ words }: { words: string }) {
  const [first, ...rest] = words.split(' · ')
  return (
    <span className="sync-words">
      <span>{first}</span>
      {rest.map((part) => (
        <span key={part}>
          <span className="sync-separator"> · </span>
          {part}
        </span>
      ))}
    </span>
  )
}

// One shape per state, so that the state is not told by colour alone.
const SHAPES: Record<SyncState, ReactElement> = {
  saved: <path d="M4.5 8.2l2.3 2.3 4.7-5" />,
  pending: <path d="M8 11.5v-7M5 7.2L8 4.2l3 3" />,
  offline: <path d="M3.2 12.8l9.6-9.6" />,
  connecting: <path d="M5 8h.01M8 8h.01M11 8h.01" strokeWidth="2.2" />,
  refused: <path d="M4.8 8h6.4" strokeWidth="2.4" />,
}

/** The state's icon: a circle (dashed while connecting) with a mark inside. */
function SyncIcon({ state }: { state: SyncState }) {
  return (
    <svg className="sync-icon" data-sync={state} viewBox="0 0 16 16" aria-hidden="true">
      <circle
        cx="8"
        cy="8"
        r="6.6"
        strokeDasharray={state === 'connecting' ? '2.6 2' : undefined}
      />
      {SHAPES[state]}
    </svg>
  )
}
