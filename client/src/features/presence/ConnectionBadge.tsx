import type { ConnectionStatus } from '../../collab/useCollabRoom'

const TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline: reconnecting…',
  outdated: 'Plenary was updated',
}

/** The connection state as a small status badge (announced politely to screen readers). */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  return (
    <span className={`connection connection-${status}`} role="status" data-status={status}>
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
