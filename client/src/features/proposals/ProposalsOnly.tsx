import type { ArticleSummary } from '../../../../shared/domain/numbering'
import type { Proposal } from '../../../../shared/domain/proposals'
import type { Placements } from '../../editor/proposalDecorations'
import { nameOf, type ActorNames } from './actorNames'
import { STATUS_LABELS, describeParams } from './labels'
import { SHOWN_IN_TEXT, altLabels } from './selectors'

interface ProposalsOnlyProps {
  articles: ArticleSummary[]
  proposals: readonly Proposal[]
  placements: Placements
  wordsAt: (range: { from: number; to: number }) => string
  names: ActorNames
  /** Jumps back to the text at an article. */
  onOpenArticle: (articleId: string) => void
}

/**
 * The "proposals only" view, in place of the text: per article, its open proposals in tabled
 * order with the words they apply to and the wording proposed.
 */
export function ProposalsOnly(props: ProposalsOnlyProps) {
  const { articles, proposals, placements, wordsAt, names, onOpenArticle } = props
  const open = proposals
    .filter((p) => SHOWN_IN_TEXT.includes(p.status))
    .sort((a, b) => (a.tabledSeq ?? 0) - (b.tabledSeq ?? 0))
  const alts = altLabels(open, placements)
  const withProposals = articles
    .map((article) => ({ article, list: open.filter((p) => p.articleId === article.id) }))
    .filter(({ list }) => list.length > 0)
  return (
    <div className="proposals-only" data-testid="proposals-only">
      {withProposals.length === 0 && <p className="loading">No open proposals.</p>}
      {withProposals.map(({ article, list }) => (
        <section
          key={article.id}
          className="proposals-only-article"
          aria-labelledby={`po-${article.id}`}
        >
          <h2 id={`po-${article.id}`}>
            <button type="button" className="link-button" onClick={() => onOpenArticle(article.id)}>
              Article {article.label} · {article.title}
            </button>
          </h2>
          <ol className="proposals-only-list">
            {list.map((p) => {
              const at = placements.get(p.id)
              return (
                <li key={p.id} className={`status-${p.status}`} data-proposal-id={p.id}>
                  <p className="po-head">
                    {alts.get(p.id) && <span className="proposal-alt">{alts.get(p.id)}</span>}
                    <strong>{p.title}</strong>{' '}
                    <span className="muted">
                      {[...p.sponsors, ...p.coSponsors].map((id) => nameOf(names, id)).join(', ')} ·{' '}
                      {describeParams(p.params)} · {STATUS_LABELS[p.status]}
                    </span>
                  </p>
                  {p.anchor &&
                    (at === null ? (
                      <p className="card-orphan">words deleted: ‘{p.anchor.quote}’</p>
                    ) : (
                      <p className="po-words">
                        <span className="proposal-bracket">[</span>
                        {at ? wordsAt(at) : p.anchor.quote}
                        <span className="proposal-bracket">]</span>
                      </p>
                    ))}
                  <p className="po-wording">
                    {p.params.kind === 'deletion' && !p.wordingText
                      ? 'delete'
                      : p.wordingText || '…'}
                  </p>
                </li>
              )
            })}
          </ol>
        </section>
      ))}
    </div>
  )
}
