import { useState } from 'react'
import type { Round } from '../../../../shared/domain/rounds'
import type { LifecycleCommandType, Proposal } from '../../../../shared/domain/proposals'
import { ConfirmDialog } from '../common/ConfirmDialog'
import { DeferDialog } from './DeferDialog'
import { decide, runSponsorCommand } from './proposalsApi'

interface ProposalActionsProps {
  negotiationId: string
  proposal: Proposal
  /** What this person may do now (the domain's `allowedCommands`). */
  commands: readonly LifecycleCommandType[]
  rounds: readonly Round[]
}

const LABELS: Record<LifecycleCommandType, string> = {
  table: 'Table',
  withdraw: 'Withdraw…',
  reopen: 'Reopen',
  bracket: 'Bracket',
  consult: 'Consult',
  incorporate: 'Incorporate…',
  reject: 'Reject…',
  defer: 'Defer…',
}

// Commands that change the text or end a proposal are confirmed first.
const CONFIRMED = new Set<LifecycleCommandType>(['incorporate', 'reject', 'withdraw', 'defer'])

/**
 * The lifecycle buttons a person may use on a proposal: a sponsor's table, withdraw and reopen;
 * the chair's bracket, consult, incorporate (confirmed: it changes the text), reject and defer
 * to a round. Results arrive through the register, so nothing here updates the card itself.
 */
export function ProposalActions({
  negotiationId,
  proposal,
  commands,
  rounds,
}: ProposalActionsProps) {
  const [asking, setAsking] = useState<LifecycleCommandType | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (command: LifecycleCommandType, roundId?: string) => {
    setAsking(null)
    setBusy(true)
    setError(null)
    try {
      if (command === 'table' || command === 'withdraw' || command === 'reopen') {
        await runSponsorCommand(negotiationId, proposal.id, command)
      } else {
        await decide(negotiationId, proposal.id, command, roundId ? { roundId } : {})
      }
    } catch (caught) {
      setError((caught as Error).message)
    } finally {
      setBusy(false)
    }
  }

  if (commands.length === 0) return null
  const confirmation = {
    incorporate: {
      title: 'Incorporate into the text?',
      label: 'Incorporate',
      danger: false,
      body: proposal.anchor
        ? `“${proposal.anchor.quote}” will be replaced in the text by the proposed wording, for everyone.`
        : 'The proposed article will be added to the text, for everyone.',
    },
    reject: {
      title: 'Reject this proposal?',
      label: 'Reject',
      danger: true,
      body: `“${proposal.title}” will be marked rejected; it stays on record.`,
    },
    withdraw: {
      title: 'Withdraw this proposal?',
      label: 'Withdraw',
      danger: true,
      body: `“${proposal.title}” will be withdrawn for every sponsor.`,
    },
  }
  const asked =
    asking === 'incorporate' || asking === 'reject' || asking === 'withdraw' ? asking : null
  return (
    <>
      <div className="card-actions" role="group" aria-label={`Act on ${proposal.title}`}>
        {commands.map((command) => (
          <button
            key={command}
            type="button"
            className={command === 'incorporate' ? 'button-primary' : 'button'}
            data-command={command}
            disabled={busy}
            onClick={() => (CONFIRMED.has(command) ? setAsking(command) : void run(command))}
          >
            {LABELS[command]}
          </button>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={asked !== null}
        title={asked ? confirmation[asked].title : ''}
        confirmLabel={asked ? confirmation[asked].label : ''}
        danger={asked ? confirmation[asked].danger : false}
        onCancel={() => setAsking(null)}
        onConfirm={() => asked && void run(asked)}
      >
        {asked ? confirmation[asked].body : ''}
      </ConfirmDialog>
      <DeferDialog
        open={asking === 'defer'}
        title={proposal.title}
        rounds={rounds}
        onCancel={() => setAsking(null)}
        onDefer={(roundId) => void run('defer', roundId)}
      />
    </>
  )
}
