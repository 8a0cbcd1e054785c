import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { roomName } from '../../../../shared/collab'
import {
  REGISTER_POSITIONS,
  REGISTER_PROPOSALS,
  type Position,
  type Proposal,
} from '../../../../shared/domain/proposals'
import { useCollabRoom } from '../../collab/useCollabRoom'

/** The register as this browser sees it: every tabled proposal and every position, live. */
export interface Register {
  proposals: Proposal[]
  positions: Position[]
  /** True once the first sync is done (before that the lists are empty, not "none"). */
  synced: boolean
}

const EMPTY: Register = { proposals: [], positions: [], synced: false }

// Plain values of a Y.Map whose entries the server writes as whole objects.
const valuesOf = <T>(map: Y.Map<unknown>): T[] => Array.from(map.values()) as T[]

/**
 * Subscribes to the negotiation's register room (read-only; only the server writes it) and
 * answers its proposals and positions, updated on every change the server makes.
 */
export function useRegister(negotiationId: string): Register {
  const room = useCollabRoom(roomName({ negotiationId, kind: 'register' }))
  const [register, setRegister] = useState<Register>(EMPTY)
  const ydoc = room?.ydoc
  const synced = room?.synced ?? false

  useEffect(() => {
    if (!ydoc) return
    const proposals = ydoc.getMap<unknown>(REGISTER_PROPOSALS)
    const positions = ydoc.getMap<unknown>(REGISTER_POSITIONS)
    const publish = () =>
      setRegister({
        proposals: valuesOf<Proposal>(proposals),
        positions: valuesOf<Position>(positions),
        synced,
      })
    publish()
    // One server command writes both maps in one transaction: publish once per transaction.
    ydoc.on('afterTransaction', publish)
    return () => ydoc.off('afterTransaction', publish)
  }, [ydoc, synced])

  return ydoc ? register : EMPTY
}
