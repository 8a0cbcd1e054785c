import type { WebsocketProvider } from 'y-websocket'

interface AwarenessChange {
  added: number[]
  updated: number[]
}

/**
 * Keeps a provider's presence its own. On every reconnect it announces the local state anew:
 * y-websocket re-sends it at the clock with which the server and the others removed it when the
 * socket closed, and they ignore a state at a clock they have seen, so it would show again only
 * at the next 15-second renewal. And a state for its own client id from anyone else never
 * replaces the local one (y-protocols would adopt it, and announce it as ours): the local state
 * is announced again over it. Returns a function that stops both.
 */
export function keepOwnPresence(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  let own = awareness.getLocalState()
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected' && own !== null) awareness.setLocalState(own)
  }
  const onChange = ({ added, updated }: AwarenessChange, origin: unknown) => {
    if (origin === 'local') own = awareness.getLocalState()
    else if (own !== null && [...added, ...updated].includes(awareness.clientID))
      awareness.setLocalState(own)
  }
  provider.on('status', onStatus)
  awareness.on('change', onChange)
  return () => {
    provider.off('status', onStatus)
    awareness.off('change', onChange)
  }
}
