import { negotiationPath, request } from '../../api'
import type {
  Anchor,
  Position,
  Proposal,
  ProposalParams,
  Stance,
} from '../../../../shared/domain/proposals'

/** Whether a proposal's anchored words are still in the text, as the server resolved them. */
export type AnchorState = 'ok' | 'orphaned'

/** What a delegation (or the chair) sends to create a draft. */
export interface NewProposal {
  params: ProposalParams
  title: string
  articleId: string | null
  anchor?: Anchor
  sponsors?: string[]
  coSponsors?: string[]
  rationale?: string
  /** The wording the draft starts from, a clause a line (default: the anchored words). */
  wording?: string
  /**
   * The coalition in whose name it is drafted: the server makes its current members the
   * sponsors (the caller's own actor first) and names the coalition on the proposal.
   */
  coalitionId?: string
}

/** A chair's decision on a tabled proposal. */
export type Decision = 'bracket' | 'consult' | 'incorporate' | 'reject' | 'defer'

/** A position as recorded through the API. */
export interface NewPosition {
  actorId: string
  stance: Stance
  roundId?: string | null
  source: string
  quote: string
}

const proposalsPath = (negotiationId: string, rest = '') =>
  negotiationPath(negotiationId, `/proposals${rest}`)
const onePath = (negotiationId: string, proposalId: string, rest = '') =>
  proposalsPath(negotiationId, `/${encodeURIComponent(proposalId)}${rest}`)

/** The proposals this person may see: every non-draft, and their own delegation's drafts. */
export const listProposals = async (negotiationId: string, signal?: AbortSignal) =>
  (await request<{ proposals: Proposal[] }>('GET', proposalsPath(negotiationId), { signal }))
    .proposals

/** Creates a draft; answers it. */
export const createProposal = async (negotiationId: string, draft: NewProposal) =>
  (await request<{ proposal: Proposal }>('POST', proposalsPath(negotiationId), { body: draft }))
    .proposal

/** Changes a draft's title, parameters, co-sponsors or rationale. */
export const updateProposal = async (
  negotiationId: string,
  proposalId: string,
  change: Partial<NewProposal>,
) =>
  (
    await request<{ proposal: Proposal }>('PATCH', onePath(negotiationId, proposalId), {
      body: change,
    })
  ).proposal

/** A sponsor's lifecycle command: table a draft, withdraw, reopen. */
export const runSponsorCommand = async (
  negotiationId: string,
  proposalId: string,
  command: 'table' | 'withdraw' | 'reopen',
) =>
  (
    await request<{ proposal: Proposal }>(
      'POST',
      onePath(negotiationId, proposalId, `/${command}`),
      {
        body: {},
      },
    )
  ).proposal

/** Records the chair's decision; `roundId` names the round a deferral goes to. */
export const decide = async (
  negotiationId: string,
  proposalId: string,
  decision: Decision,
  extra: { roundId?: string; note?: string } = {},
) =>
  (
    await request<{ proposal: Proposal }>('POST', onePath(negotiationId, proposalId, '/decision'), {
      body: { decision, ...extra },
    })
  ).proposal

/** Records an actor's position on a proposal; answers it. */
export const recordPosition = async (
  negotiationId: string,
  proposalId: string,
  position: NewPosition,
) =>
  (
    await request<{ position: Position }>(
      'POST',
      onePath(negotiationId, proposalId, '/positions'),
      { body: position },
    )
  ).position
