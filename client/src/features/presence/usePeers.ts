import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { ARTICLE_FIELD } from '../../editor/plugins/articlePresencePlugin'

/** One person in the room, as their awareness state describes them. */
export interface Peer {
  clientId: number
  name: string
  color: string
  /** Their role as they announce it ("Delegate of France"), if they do. */
  role: string | null
  /** The account they signed in with, as the server stamps it: a name is theirs to choose. */
  account: string | null
  /** Id of the article their cursor is in, if any. */
  articleId: string | null
  isLocal: boolean
}

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = []
  awareness.getStates().forEach((state, clientId) => {
    const user = state.user as
      { name?: unknown; color?: unknown; role?: unknown; account?: unknown } | undefined
    // A client that has not announced a user yet (just connected) is not shown.
    if (!user || typeof user.name !== 'string') return
    const article = state[ARTICLE_FIELD]
    peers.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#555555',
      role: typeof user.role === 'string' ? user.role : null,
      account: typeof user.account === 'string' ? user.account : null,
      articleId: typeof article === 'string' ? article : null,
      isLocal: clientId === awareness.clientID,
    })
  })
  // The local user first, then the others in a stable order.
  return peers.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.clientId - b.clientId)
}

/** Everyone in the room (the local user first), updated as awareness changes. */
export function usePeers(awareness: Awareness | undefined): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([])
  useEffect(() => {
    if (!awareness) return
    const update = () => setPeers(readPeers(awareness))
    update()
    awareness.on('change', update)
    return () => {
      awareness.off('change', update)
      setPeers([])
    }
  }, [awareness])
  return peers
}
