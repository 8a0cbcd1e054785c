import type { WebsocketProvider } from 'y-websocket'

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * Makes a provider send the server only its own presence. y-websocket sends every awareness
 * change it hears, the others' included: in a room of 1,000 each cursor the server relays would
 * come back to it 1,000 times (issue 15). The server relays everyone's presence; a client speaks
 * only for its own client id. Returns a function that restores the provider's own handler.
 */
export function announceOwnOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  const sendChanges = provider._awarenessUpdateHandler
  const own = (ids: number[]) => ids.filter((id) => id === awareness.clientID)
  const sendOwn = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const mine = { added: own(added), updated: own(updated), removed: own(removed) }
    if (mine.added.length + mine.updated.length + mine.removed.length > 0) sendChanges(mine, origin)
  }
  awareness.off('update', sendChanges)
  awareness.on('update', sendOwn)
  // provider.destroy() removes whatever handler it holds: ours, from now on.
  provider._awarenessUpdateHandler = sendOwn
  return () => {
    awareness.off('update', sendOwn)
    provider._awarenessUpdateHandler = sendChanges
    awareness.on('update', sendChanges)
  }
}
