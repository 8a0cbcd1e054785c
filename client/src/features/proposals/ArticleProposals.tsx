import { useState } from 'react'
import { formerLabel } from '../../../../shared/domain/concordance'
import { articleRef, type ArticleSummary } from '../../../../shared/domain/numbering'
import type { Principal } from '../../../../shared/domain/policy'
import type { Round } from '../../../../shared/domain/rounds'
import { allowedCommands, type Position, type Proposal } from '../../../../shared/domain/proposals'
import type { Placements } from '../../editor/proposalDecorations'
import { useConcordances } from '../outline/concordanceApi'
import { linkTo, navigateTo, pathOf, type Route } from '../../useRoute'
import type { ActorNames } from './actorNames'
import type { ActorChoice } from './CoSponsorPicker'
import { ArticleIssueLinks } from '../issues/ArticleIssueLinks'
import { ProposalCard } from './ProposalCard'
import { ProposalFilters } from './ProposalFilters'
import type { JustTabled } from './useTabledPin'
import {
  DEFAULT_FILTER,
  altLabels,
  byOpenThenTabled,
  filterProposals,
  type ProposalFilter,
} from './selectors'

interface ArticleProposalsProps {
  negotiationId: string
  article: ArticleSummary | null
  /** Every proposal of the register (the panel picks the article's). */
  proposals: readonly Proposal[]
  positions: readonly Position[]
  placements: Placements
  /** The words between two positions of the text as they are now. */
  wordsAt: (range: { from: number; to: number }) => string
  names: ActorNames
  rounds: readonly Round[]
  principal: Principal
  speakFor: ActorChoice[]
  /** A proposal this person has just tabled on this article: confirmed and highlighted. */
  justTabled?: JustTabled | null
}

/**
 * The proposals of the article holding the cursor, filterable by kind, status and sponsor, as
 * cards in tabled order; proposals whose words were deleted stay listed as such.
 */
export function ArticleProposals(props: ArticleProposalsProps) {
  const { negotiationId, article, proposals, positions, placements, wordsAt } = props
  const { names, rounds, principal, speakFor, justTabled } = props
  const [filter, setFilter] = useState<ProposalFilter>(DEFAULT_FILTER)
  // Read again when the article's label changes: a renumbering is what changes it.
  const concordances = useConcordances(negotiationId, `${article?.id}:${article?.label}`)
  if (!article) {
    return (
      <section className="article-proposals" aria-label="Proposals">
        <h2 className="panel-heading">Proposals</h2>
        <p className="muted">Put the cursor in an article to see its proposals.</p>
      </section>
    )
  }
  const ofArticle = proposals
    .filter((p) => p.articleId === article.id && p.status !== 'draft')
    .sort(byOpenThenTabled)
  const shown = filterProposals(ofArticle, filter)
  const sponsors = [...new Set(ofArticle.flatMap((p) => [...p.sponsors, ...p.coSponsors]))].sort()
  const alts = altLabels(ofArticle, placements)
  const history: Route = {
    page: 'negotiation',
    id: negotiationId,
    view: 'history',
    articleId: article.id,
  }
  return (
    <section
      className="article-proposals"
      aria-labelledby="article-proposals-heading"
      data-testid="article-proposals"
    >
      <h2 id="article-proposals-heading" className="panel-heading">
        Art. {article.label} proposals <span className="count">{shown.length}</span>
        <a
          className="panel-link"
          href={pathOf(history)}
          onClick={linkTo(navigateTo, history)}
          aria-label={`History of Article ${article.label}`}
        >
          History
        </a>
      </h2>
      <ArticleIssueLinks negotiationId={negotiationId} articleId={article.id} />
      <ProposalFilters filter={filter} onChange={setFilter} sponsors={sponsors} names={names} />
      {shown.length === 0 && (
        <p className="muted">
          {ofArticle.length === 0 ? 'No proposals on this article.' : 'No proposal matches.'}
        </p>
      )}
      <div className="proposal-cards">
        {shown.map((p) => {
          const at = placements.get(p.id)
          const formerly = formerLabel(article.id, p.createdAt, concordances)
          return (
            <ProposalCard
              key={p.id}
              negotiationId={negotiationId}
              proposal={p}
              positions={positions.filter((x) => x.proposalId === p.id)}
              alt={alts.get(p.id) ?? null}
              words={at ? wordsAt(at) : at === undefined && p.anchor ? p.anchor.quote : null}
              names={names}
              rounds={rounds}
              commands={allowedCommands(p, principal)}
              speakFor={speakFor}
              articleRef={formerly ? articleRef(article.label, formerly) : null}
              notice={
                p.id === justTabled?.proposal.id
                  ? `Tabled as proposal ${p.tabledSeq} on Art. ${article.label} — now visible to all delegations`
                  : null
              }
            />
          )
        })}
      </div>
    </section>
  )
}
