import { formerLabel, type Concordance } from '../../../../shared/domain/concordance'
import { articleRef } from '../../../../shared/domain/numbering'
import type { Round } from '../../../../shared/domain/rounds'
import type { ActorNames } from '../proposals/actorNames'
import { STATUS_LABELS, formatWhen } from '../proposals/labels'
import { ProposalCard } from '../proposals/ProposalCard'
import { placeOf } from '../rounds/roundsApi'
import type { HistoryProposal } from './historyApi'

interface HistoryProposalsProps {
  negotiationId: string
  proposals: readonly HistoryProposal[]
  /** How many there are before the actor filter. */
  total: number
  names: ActorNames
  rounds: readonly Round[]
  /** The article's label now, and the renumberings, to cite it as it was when each was made. */
  label?: string | null
  concordances?: readonly Concordance[]
}

/** Every change of a proposal's status: to what, by whom, when, in which round. */
function StatusHistory({
  proposal,
  rounds,
}: {
  proposal: HistoryProposal
  rounds: readonly Round[]
}) {
  const round = (id: string | null) => rounds.find((r) => r.id === id)
  return (
    <details className="status-history">
      <summary>Status history ({proposal.history.length})</summary>
      <ol className="status-history-list">
        {proposal.history.map((h, i) => {
          const at = round(h.roundId)
          const to = round(h.deferredTo ?? null)
          return (
            <li key={i}>
              <span className={`status-badge status-${h.to}`}>{STATUS_LABELS[h.to]}</span> by{' '}
              {h.byName}, <time dateTime={h.at}>{formatWhen(h.at)}</time>
              {at && ` · ${placeOf(at)}`}
              {to && ` · to ${to.name}`}
              {h.note && <span className="muted"> — {h.note}</span>}
            </li>
          )
        })}
      </ol>
    </details>
  )
}

/**
 * The article's proposals as read-only cards (no commands, no position form): sponsors,
 * wording, status, positions, and each one's status history.
 */
export function HistoryProposals(props: HistoryProposalsProps) {
  const { negotiationId, proposals, total, names, rounds, label, concordances = [] } = props
  // "Art. 4 (formerly 3)" on a proposal made before a renumbering changed its article's number.
  const refOf = (p: HistoryProposal): string | null => {
    if (!label || !p.articleId) return null
    const formerly = formerLabel(p.articleId, p.createdAt, concordances)
    return formerly ? articleRef(label, formerly) : null
  }
  return (
    <section
      className="article-proposals"
      aria-labelledby="history-proposals-heading"
      data-testid="history-proposals"
    >
      <h2 id="history-proposals-heading" className="panel-heading">
        Proposals <span className="count">{proposals.length}</span>
      </h2>
      {proposals.length === 0 && (
        <p className="muted">
          {total === 0 ? 'No proposal on this article.' : 'No proposal of this actor.'}
        </p>
      )}
      <div className="proposal-cards">
        {proposals.map((p) => (
          <ProposalCard
            key={p.id}
            negotiationId={negotiationId}
            proposal={p}
            positions={p.positions ?? []}
            alt={null}
            words={p.anchor?.quote ?? null}
            names={names}
            rounds={rounds}
            commands={[]}
            speakFor={[]}
            footer={<StatusHistory proposal={p} rounds={rounds} />}
            articleRef={refOf(p)}
          />
        ))}
      </div>
    </section>
  )
}
