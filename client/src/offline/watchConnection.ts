import type { WebsocketProvider } from 'y-websocket'
import { CloseCode } from '../../../shared/collab'

/** How the connection to the room stands, as the status badge shows it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'outdated' | 'refused'

/** What a room hears of its provider's connection. */
export interface ConnectionEvents {
  /** Connected, or lost: 'connecting' is never reported again after the first connection. */
  status: (status: 'connected' | 'offline') => void
  /** The first sync of a connection completed. */
  synced: () => void
  /** The server closed the connection with a code that ends it (no session, forbidden, …). */
  refused: (code: number) => void
  /** The server refused this client's schema version: it must reload. */
  outdated: () => void
  /** The person's role changed; the provider reconnects by itself. */
  membershipChanged: () => void
}

// Refusals after which reconnecting cannot help (the provider also stops retrying on 44xx).
const FINAL_REFUSALS = new Set<number>([
  CloseCode.Unauthenticated,
  CloseCode.Forbidden,
  CloseCode.NotFound,
  CloseCode.ReadOnly,
  CloseCode.TooManyConnections,
])

/** Follows a provider's connection and reads the server's close codes; returns a stop function. */
export function watchConnection(provider: WebsocketProvider, on: ConnectionEvents): () => void {
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') on.status('connected')
    else if (status === 'disconnected') on.status('offline')
  }
  const onError = () => on.status('offline')
  const onClose = (event: CloseEvent | null) => {
    const code = event?.code ?? 0
    if (code === CloseCode.SchemaOutdated) {
      provider.disconnect()
      on.outdated()
    } else if (FINAL_REFUSALS.has(code)) {
      provider.disconnect()
      on.refused(code)
    } else if (code === CloseCode.MembershipChanged) {
      on.membershipChanged()
    } else if (!provider.wsconnected) {
      on.status('offline')
    }
  }
  const onSync = (isSynced: boolean) => {
    if (isSynced) on.synced()
  }
  provider.on('status', onStatus)
  provider.on('connection-error', onError)
  provider.on('connection-close', onClose)
  provider.on('sync', onSync)
  return () => {
    provider.off('status', onStatus)
    provider.off('connection-error', onError)
    provider.off('connection-close', onClose)
    provider.off('sync', onSync)
  }
}
