import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { parseRoomSummary, sameSummary, type RoomSummary } from '../../../../shared/collab/presence'
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

/** The people an awareness holds (the local user first), as the list of who is here shows them. */
export function readPeers(awareness: Pick<Awareness, 'getStates' | 'clientID'>): Peer[] {
  const peers: Peer[] = []
  awareness.getStates().forEach((state, clientId) => {
    const user = state.user as
      { name?: unknown; color?: unknown; role?: unknown; account?: unknown } | undefined
    // A client that has not announced a user yet (just connected), or the room's summary.
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

const samePeer = (a: Peer, b: Peer): boolean =>
  a.clientId === b.clientId &&
  a.name === b.name &&
  a.color === b.color &&
  a.role === b.role &&
  a.account === b.account &&
  a.articleId === b.articleId &&
  a.isLocal === b.isLocal

/** Whether two lists show the same: a cursor moving inside an article changes nothing shown. */
export function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return a.length === b.length && a.every((peer, i) => samePeer(peer, b[i] as Peer))
}

/** The room's summary among an awareness's states (the server's own), or null while it has none. */
export function readRoomSummary(awareness: Pick<Awareness, 'getStates'>): RoomSummary | null {
  for (const state of awareness.getStates().values()) {
    const summary = parseRoomSummary(state)
    if (summary) return summary
  }
  return null
}

/**
 * Everyone in the room (the local user first), updated as awareness changes; a new list only
 * when something shown changed (a name, colour, role, account or article, someone coming or
 * going), never for a cursor move, so the text's panels do not re-render per keystroke.
 */
export function usePeers(awareness: Awareness | undefined): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([])
  useEffect(() => {
    if (!awareness) return
    const update = () => {
      const next = readPeers(awareness)
      setPeers((shown) => (samePeers(shown, next) ? shown : next))
    }
    update()
    awareness.on('change', update)
    return () => {
      awareness.off('change', update)
      setPeers([])
    }
  }, [awareness])
  return peers
}

/**
 * The room's count of the people it does not list one by one (a conference's readers), as the
 * server publishes it at most once a second; null in a room small enough to list everyone.
 */
export function useRoomSummary(awareness: Awareness | undefined): RoomSummary | null {
  const [summary, setSummary] = useState<RoomSummary | null>(null)
  useEffect(() => {
    if (!awareness) return
    const update = () => {
      const next = readRoomSummary(awareness)
      setSummary((shown) => (sameSummary(shown, next) ? shown : next))
    }
    update()
    awareness.on('change', update)
    return () => {
      awareness.off('change', update)
      setSummary(null)
    }
  }, [awareness])
  return summary
}
