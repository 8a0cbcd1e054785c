import { useEffect, useMemo, useState } from 'react'
import { listActors, type Actor, type Participant } from '../actors/actorsApi'
import type { ActorNames } from './actorNames'

/**
 * Names of every actor a proposal may mention: the catalogue (states and organisations such as
 * the ICRC, which speak without being participants), with the participants' names over it.
 */
export function useActorNames(participants: readonly Participant[] | null): ActorNames {
  const [catalogue, setCatalogue] = useState<Actor[]>([])
  useEffect(() => {
    const abort = new AbortController()
    listActors(abort.signal).then(setCatalogue, () => {
      // Without the catalogue, ids stand for names; the participants still have theirs.
    })
    return () => abort.abort()
  }, [])
  return useMemo(
    () =>
      new Map([
        ...catalogue.map((a) => [a.id, a.name] as const),
        ...(participants ?? []).map((p) => [p.actor.id, p.actor.name] as const),
      ]),
    [catalogue, participants],
  )
}
