import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { Round } from '../../../../shared/domain/rounds'
import type { LifecycleCommandType, Position, Proposal } from '../../../../shared/domain/proposals'
import { nameOf, type ActorNames } from './actorNames'
import type { ActorChoice } from './CoSponsorPicker'
import { STATUS_LABELS, describeParams, formatWhen } from './labels'
import { PositionForm } from './PositionForm'
import { PositionList } from './PositionList'
import { ProposalActions } from './ProposalActions'
import { SHOWN_IN_TEXT } from './selectors'
import { CoalitionLine } from './CoalitionLine'
import './tabled.css'
import { SyntheticBadge } from '../common/ProvenanceBadge'

interface ProposalCardProps {
  negotiationId: string
  proposal: Proposal
  positions: readonly Position[]
  /** "Alt 1" when it is one of several proposals on overlapping words. */
  alt: string | null
  /** The anchored words as they are in the text now; null when they were deleted. */
  words: string | null
  names: ActorNames
  rounds: readonly Round[]
  commands: readonly LifecycleCommandType[]
  /** The actors this person may record positions for (empty: none). */
  speakFor: ActorChoice[]
  /** More about the proposal at the card's end, e.g. its status history in the history view. */
  footer?: ReactNode
  /**
   * A confirmation for a proposal this person has just tabled: said at the top of the card,
   * which is marked, scrolled into view and focused once shown.
   */
  notice?: string | null
  /**
   * Its article as cited now with the number it had when the proposal was made, shown when a
   * renumbering changed it since ("Art. 3 (formerly 2 bis)"); null otherwise.
   */
  articleRef?: string | null
}

/** "incorporated by Chair (Norway), 6 Dec 2007, 10:04": the last change of status. */
function LastChange({ proposal, rounds }: { proposal: Proposal; rounds: readonly Round[] }) {
  const last = proposal.history.at(-1)
  if (!last) return null
  const to = rounds.find((r) => r.id === last.deferredTo)
  return (
    <span className="card-when" data-testid="last-change">
      by {last.byName}, <time dateTime={last.at}>{formatWhen(last.at)}</time>
      {to && ` · to ${to.name}`}
    </span>
  )
}

/**
 * One proposal: title, kind and parameters, sponsors, where it applies (or "words deleted"),
 * the wording, status with who and when, positions with counts, and what one may do with it.
 */
export function ProposalCard(props: ProposalCardProps) {
  const {
    negotiationId,
    proposal: p,
    positions,
    alt,
    words,
    names,
    rounds,
    commands,
    speakFor,
    footer,
    notice = null,
    articleRef = null,
  } = props
  const highlighted = notice !== null
  const [recording, setRecording] = useState(false)
  const ref = useRef<HTMLElement>(null)
  const recordRef = useRef<HTMLButtonElement>(null)
  // The form replaced the button that opened it: once it closes, the focus goes back there.
  const closeForm = () => {
    setRecording(false)
    requestAnimationFrame(() => recordRef.current?.focus())
  }
  useEffect(() => {
    if (!highlighted) return
    // The whole card if it fits, and at least its confirmation at the top.
    ref.current?.scrollIntoView({ block: 'nearest' })
    ref.current?.querySelector('.tabled-notice')?.scrollIntoView({ block: 'nearest' })
    ref.current?.focus({ preventScroll: true })
  }, [highlighted])
  return (
    <article
      ref={ref}
      className={`proposal-card status-${p.status}${highlighted ? ' proposal-card-highlighted' : ''}`}
      aria-current={highlighted ? 'true' : undefined}
      data-proposal-id={p.id}
      aria-labelledby={`card-${p.id}`}
      tabIndex={-1}
    >
      {notice && (
        <p className="tabled-notice" role="status" data-testid="tabled-notice">
          {notice}
        </p>
      )}
      <header className="card-header">
        {alt && <span className="proposal-alt">{alt}</span>}
        <h3 className="card-title" id={`card-${p.id}`}>
          {p.title}
        </h3>
      </header>
      <p className="card-meta">{describeParams(p.params)}</p>
      {articleRef && (
        <p className="card-article" data-testid="card-article">
          On {articleRef}
        </p>
      )}
      <CoalitionLine negotiationId={negotiationId} proposal={p} />
      <p className="card-sponsors">
        {p.sponsors.map((id) => nameOf(names, id)).join(', ')}
        {p.coSponsors.length > 0 && (
          <span className="muted">
            {' '}
            with {p.coSponsors.map((id) => nameOf(names, id)).join(', ')}
          </span>
        )}
      </p>
      <p className="card-status">
        <span className={`status-badge status-${p.status}`} data-testid="status">
          {STATUS_LABELS[p.status]}
        </span>{' '}
        {p.synthetic && <SyntheticBadge />} <LastChange proposal={p} rounds={rounds} />
      </p>
      {p.anchor &&
        (words === null ? (
          <p className="card-orphan" data-testid="orphan">
            words deleted: ‘{p.anchor.quote}’
          </p>
        ) : (
          <blockquote className="card-quote" title={words}>
            {words}
          </blockquote>
        ))}
      {p.wordingText && (
        <p className="card-wording" title={p.wordingText}>
          {p.wordingText}
        </p>
      )}
      {p.rationale && (
        <details className="card-rationale">
          <summary>Rationale</summary>
          <p>{p.rationale}</p>
        </details>
      )}
      <PositionList positions={positions} names={names} rounds={rounds} />
      <ProposalActions
        negotiationId={negotiationId}
        proposal={p}
        commands={commands}
        rounds={rounds}
      />
      {speakFor.length > 0 &&
        SHOWN_IN_TEXT.includes(p.status) &&
        (recording ? (
          <PositionForm
            negotiationId={negotiationId}
            proposalId={p.id}
            actors={speakFor}
            rounds={rounds}
            onDone={closeForm}
          />
        ) : (
          <button
            ref={recordRef}
            type="button"
            className="button-quiet"
            onClick={() => setRecording(true)}
          >
            Record a position…
          </button>
        ))}
      {footer}
    </article>
  )
}
