import type { Round } from '../../../../shared/domain/rounds'
import type { ProposalStatus } from '../../../../shared/domain/proposals'
import type { Session } from '../../../../shared/domain/sessions'
import type { ActorNames } from '../proposals/actorNames'
import { ProposalCard } from '../proposals/ProposalCard'
import type { Register } from '../proposals/useRegister'

// Proposals still before the room: tabled and not yet decided.
const OPEN: ReadonlySet<ProposalStatus> = new Set(['tabled', 'bracketed', 'under-consultation'])

interface SessionProposalsProps {
  session: Session
  register: Register
  names: ActorNames
  rounds: readonly Round[]
}

/**
 * The tabled proposals on the session's articles, from the register, as read-only cards (as an
 * article's history shows them): their brackets are anchored in the main text, not in the
 * session's copy, so they are listed here rather than drawn in its text.
 */
export function SessionProposals({ session, register, names, rounds }: SessionProposalsProps) {
  const proposals = register.proposals
    .filter((p) => p.articleId && session.articleIds.includes(p.articleId) && OPEN.has(p.status))
    .sort((a, b) => (a.tabledSeq ?? 0) - (b.tabledSeq ?? 0))
  return (
    <section
      className="article-proposals session-proposals"
      aria-labelledby="session-proposals-heading"
      data-testid="session-proposals"
    >
      <h3 id="session-proposals-heading" className="panel-heading">
        Proposals on its articles <span className="count">{proposals.length}</span>
      </h3>
      <p className="muted">
        Their brackets are anchored in the main text and are not drawn in the session’s copy.
      </p>
      {!register.synced && (
        <p className="muted" role="status">
          Loading the register…
        </p>
      )}
      {register.synced && proposals.length === 0 && (
        <p className="muted">No proposal is before the room on these articles.</p>
      )}
      <div className="proposal-cards">
        {proposals.map((p) => (
          <ProposalCard
            key={p.id}
            negotiationId={session.negotiationId}
            proposal={p}
            positions={register.positions.filter((x) => x.proposalId === p.id)}
            alt={null}
            words={p.anchor?.quote ?? null}
            names={names}
            rounds={rounds}
            commands={[]}
            speakFor={[]}
          />
        ))}
      </div>
    </section>
  )
}
