import { useCallback, useEffect, useState } from 'react'
import type { Proposal } from '../../../../shared/domain/proposals'
import { listProposals } from './proposalsApi'

/** How often a delegation's drafts are fetched again (a co-sponsor may start one any time). */
const POLL_MS = 3000

/** The drafts this person's delegation sponsors or co-sponsors, and a way to fetch them now. */
export interface MyDrafts {
  drafts: Proposal[]
  reload: () => void
}

/**
 * Drafts are not in the register (only the sponsors may see them), so a delegation's drafts
 * are fetched over REST, again every few seconds while the page is open. Off when `enabled` is
 * false (observers, campaigners).
 */
export function useMyDrafts(negotiationId: string, enabled: boolean): MyDrafts {
  const [drafts, setDrafts] = useState<Proposal[]>([])
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    if (!enabled) return
    const abort = new AbortController()
    const load = () =>
      listProposals(negotiationId, abort.signal).then(
        (all) => setDrafts(all.filter((p) => p.status === 'draft')),
        () => {
          // A failed poll keeps the last list; the next one tries again.
        },
      )
    void load()
    const timer = window.setInterval(() => void load(), POLL_MS)
    return () => {
      abort.abort()
      window.clearInterval(timer)
    }
  }, [negotiationId, enabled, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { drafts: enabled ? drafts : [], reload }
}
