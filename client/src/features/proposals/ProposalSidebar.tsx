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

interface ProposalSidebarProps {
  negotiationId: string
  principal: Principal
  user: LocalUser
  names: ActorNames
  rounds: readonly Round[]
  register: Register
  placements: Placements
  wordsAt: (range: { from: number; to: number }) => string
  article: ArticleSummary | null
  drafts: Proposal[]
  openDraft: Proposal | null
  onOpenDraft: (draft: Proposal | null) => void
  /** After a draft was tabled or withdrawn. */
  onDraftChanged: (proposal: Proposal) => void
  speakFor: ActorChoice[]
}

/** Beside the text: the delegation's drafts, the open draft's editor, the article's proposals. */
export function ProposalSidebar(props: ProposalSidebarProps) {
  const { negotiationId, principal, user, names, rounds, register, placements, wordsAt } = props
  const { article, drafts, openDraft, onOpenDraft, onDraftChanged, speakFor } = props
  return (
    <div className="proposal-sidebar">
      <MyDrafts drafts={drafts} openId={openDraft?.id ?? null} onOpen={onOpenDraft} />
      {openDraft && (
        <DraftPanel
          key={openDraft.id}
          negotiationId={negotiationId}
          proposal={openDraft}
          principal={principal}
          user={user}
          names={names}
          onClose={() => onOpenDraft(null)}
          onChanged={onDraftChanged}
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
      />
    </div>
  )
}
