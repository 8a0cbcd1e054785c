import type { ArticleSummary } from '../../../../shared/domain/numbering'
import type { Principal } from '../../../../shared/domain/policy'
import type { Round } from '../../../../shared/domain/rounds'
import type { Proposal } from '../../../../shared/domain/proposals'
import type { Placements } from '../../editor/proposalDecorations'
import type { LocalUser } from '../presence/localUser'
import type { ActorNames } from './actorNames'
import { ArticleProposals } from './ArticleProposals'
import type { ActorChoice } from './CoSponsorPicker'
import { DraftPanel } from './DraftPanel'
import { MyDrafts } from './MyDrafts'
import type { Register } from './useRegister'
import { useTabledPin } from './useTabledPin'

interface ProposalSidebarProps {
  negotiationId: string
  principal: Principal
  user: LocalUser
  names: ActorNames
  rounds: readonly Round[]
  register: Register
  placements: Placements
  wordsAt: (range: { from: number; to: number }) => string
  /** The article holding the cursor, if any. */
  article: ArticleSummary | null
  /** Every article of the text, to show a tabled proposal's article. */
  articles: readonly ArticleSummary[]
  drafts: Proposal[]
  openDraft: Proposal | null
  onOpenDraft: (draft: Proposal | null) => void
  /** After a draft was tabled or withdrawn. */
  onDraftChanged: (proposal: Proposal) => void
  speakFor: ActorChoice[]
}

/**
 * Beside the text: the delegation's drafts, the open draft's editor, the article's proposals.
 * A draft just tabled gives way to its card, highlighted with a confirmation line, on its
 * article until the cursor moves.
 */
export function ProposalSidebar(props: ProposalSidebarProps) {
  const { negotiationId, principal, user, names, rounds, register, placements, wordsAt } = props
  const { drafts, openDraft, onOpenDraft, onDraftChanged, speakFor } = props
  const { article, justTabled, pin } = useTabledPin(props.articles, props.article)
  const changed = (proposal: Proposal) => {
    if (proposal.status === 'tabled') pin(proposal)
    onDraftChanged(proposal)
  }
  return (
    <div className="proposal-sidebar">
      <MyDrafts
        negotiationId={negotiationId}
        drafts={drafts}
        openId={openDraft?.id ?? null}
        onOpen={onOpenDraft}
      />
      {openDraft && (
        <DraftPanel
          key={openDraft.id}
          negotiationId={negotiationId}
          proposal={openDraft}
          principal={principal}
          user={user}
          names={names}
          onClose={() => onOpenDraft(null)}
          onChanged={changed}
        />
      )}
      <ArticleProposals
        negotiationId={negotiationId}
        article={article}
        proposals={register.proposals}
        positions={register.positions}
        placements={placements}
        wordsAt={wordsAt}
        names={names}
        rounds={rounds}
        principal={principal}
        speakFor={speakFor}
        justTabled={justTabled}
      />
    </div>
  )
}
