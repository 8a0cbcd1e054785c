import { useCallback, useEffect, useState } from 'react'
import { listParticipants, type Participant } from './actorsApi'

/** A negotiation's participants as loaded, and ways to refresh or patch them. */
export interface ParticipantsHandle {
  /** Null until loaded (and if loading failed). */
  participants: Participant[] | null
  error: string | null
  reload: () => void
  /** Replaces the list, e.g. with the one a CSV upload answered. */
  replace: (participants: Participant[]) => void
  /** Puts in one participant as the server answered it after a change. */
  put: (participant: Participant) => void
}

/** Loads a negotiation's participants (for the actors table and for actor names elsewhere). */
export function useParticipants(negotiationId: string): ParticipantsHandle {
  const [participants, setParticipants] = useState<Participant[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    listParticipants(negotiationId, abort.signal).then(
      (list) => {
        setParticipants(list)
        setError(null)
      },
      (e: unknown) => !abort.signal.aborted && setError((e as Error).message),
    )
    return () => abort.abort()
  }, [negotiationId, generation])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const put = useCallback(
    (next: Participant) =>
      setParticipants((list) => {
        const rest = (list ?? []).filter((p) => p.actor.id !== next.actor.id)
        // A delegation recording itself for the first time becomes a participant.
        return rest.length === (list ?? []).length
          ? [...rest, next]
          : (list ?? []).map((p) => (p.actor.id === next.actor.id ? next : p))
      }),
    [],
  )
  return { participants, error, reload, replace: setParticipants, put }
}
