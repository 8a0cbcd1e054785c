import { CloseCode } from '../../../../shared/collab'
import type { ConnectionStatus } from '../../collab/useCollabRoom'

const TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline: reconnecting…',
  outdated: 'Plenary was updated',
  refused: 'Not connected',
}

/**
 * The connection state as a small status badge, announced politely to screen readers unless
 * `quiet` (the header's sync indicator announces for it).
 */
export function ConnectionBadge({ status, quiet }: { status: ConnectionStatus; quiet?: boolean }) {
  return (
    <span
      className={`connection connection-${status}`}
      role={quiet ? undefined : 'status'}
      data-status={status}
    >
      <span className="connection-dot" aria-hidden="true" />
      {TEXT[status]}
    </span>
  )
}

/** The banner shown when the server refuses this client's schema version: reload to continue. */
export function OutdatedBanner() {
  return (
    <div className="banner" role="alert">
      Plenary was updated: reload to keep editing.{' '}
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  )
}

const REFUSALS: Record<number, string> = {
  [CloseCode.Unauthenticated]: 'Your session has ended: sign in again to continue.',
  [CloseCode.Forbidden]: 'You are no longer a member of this negotiation.',
  [CloseCode.NotFound]: 'This negotiation no longer exists.',
  [CloseCode.ReadOnly]: 'An edit was refused: you may only read this text. Reload to continue.',
  [CloseCode.TooManyConnections]: 'Too many windows are open for you: close one, then reload.',
}

/** The banner shown when the server refused the connection for good, saying why. */
export function RefusedBanner({ code }: { code: number }) {
  return (
    <div className="banner" role="alert">
      {REFUSALS[code] ?? `The server closed the connection (${code}).`}{' '}
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  )
}
