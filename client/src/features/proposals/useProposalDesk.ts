import { useCallback, useMemo, useState } from 'react'
import { can, effectiveRole, type Principal } from '../../../../shared/domain/policy'
import type { Proposal } from '../../../../shared/domain/proposals'
import type { Participant } from '../actors/actorsApi'
import { actorChoices, type ActorNames } from './actorNames'
import type { ActorChoice } from './CoSponsorPicker'
import { useActorNames } from './useActorNames'
import { useMyDrafts } from './useMyDrafts'
import { useRegister, type Register } from './useRegister'

/** Everything the text view needs about proposals for this person. */
export interface ProposalDesk {
  register: Register
  names: ActorNames
  /** Participants as choices (co-sponsors, the chair's sponsor). */
  actors: ActorChoice[]
  /** The delegate's actor, or null (the chair chooses a sponsor; others do not propose). */
  ownActorId: string | null
  /** Whether this person may propose at all. */
  mayPropose: boolean
  /** The actors whose positions this person may record. */
  speakFor: ActorChoice[]
  drafts: Proposal[]
  openDraft: Proposal | null
  setOpenDraft: (draft: Proposal | null) => void
  /** A draft was created, tabled or withdrawn: open it (if still a draft) and reload the list. */
  onDraftChanged: (proposal: Proposal) => void
}

/**
 * Proposals for one person in one negotiation: the live register, who they may propose and
 * speak for under the policy, their delegation's drafts and the draft open in the editor.
 * The drafts are fetched once `textOpen`: the server reads them against the text, and a text
 * nobody has open it would load from storage for the answer, and again for the page's own
 * connection (a long history twice, issue 15).
 */
export function useProposalDesk(
  negotiationId: string,
  principal: Principal,
  participants: Participant[] | null,
  textOpen = true,
): ProposalDesk {
  const register = useRegister(negotiationId)
  const names = useActorNames(participants)
  const actors = useMemo(() => actorChoices(participants), [participants])
  const m = principal.membership
  const ownActorId = m?.role === 'delegate' ? m.actorId : null
  const isChair = effectiveRole(principal) === 'chair'
  const mayPropose = ownActorId
    ? can(principal, { type: 'act-for', actorId: ownActorId }).ok
    : isChair
  const speakFor = useMemo(
    () =>
      isChair
        ? actors
        : ownActorId
          ? [{ id: ownActorId, name: names.get(ownActorId) ?? ownActorId }]
          : [],
    [isChair, actors, ownActorId, names],
  )
  const { drafts, reload } = useMyDrafts(negotiationId, mayPropose && textOpen)
  const [openId, setOpenId] = useState<string | null>(null)
  const [created, setCreated] = useState<Proposal | null>(null)
  // The list is fetched again every few seconds; a draft just created is shown before that,
  // and one that a co-sponsor tabled meanwhile (now in the register) is closed.
  const tabled = register.proposals.some((p) => p.id === openId)
  const openDraft = tabled
    ? null
    : (drafts.find((d) => d.id === openId) ?? (created?.id === openId ? created : null))
  const setOpenDraft = useCallback((draft: Proposal | null) => setOpenId(draft?.id ?? null), [])
  const onDraftChanged = useCallback(
    (proposal: Proposal) => {
      if (proposal.status === 'draft') {
        setCreated(proposal)
        setOpenId(proposal.id)
      } else {
        setCreated(null)
        setOpenId(null)
      }
      reload()
    },
    [reload],
  )
  return {
    register,
    names,
    actors,
    ownActorId,
    mayPropose,
    speakFor,
    drafts,
    openDraft,
    setOpenDraft,
    onDraftChanged,
  }
}
