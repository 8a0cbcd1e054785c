import { useEffect, useRef, useState } from 'react'
import { roomName } from '../../../../shared/collab'
import type { Principal } from '../../../../shared/domain/policy'
import { allowedCommands, type Proposal } from '../../../../shared/domain/proposals'
import { useCollabRoom } from '../../collab/useCollabRoom'
import { useDraftView } from '../../editor/useDraftView'
import type { LocalUser } from '../presence/localUser'
import { nameOf, type ActorNames } from './actorNames'
import { ConfirmDialog } from '../common/ConfirmDialog'
import { describeParams } from './labels'
import { runSponsorCommand } from './proposalsApi'
import { CoalitionLine } from './CoalitionLine'

interface DraftPanelProps {
  negotiationId: string
  proposal: Proposal
  principal: Principal
  user: LocalUser
  names: ActorNames
  onClose: () => void
  /** After tabling or withdrawing: the proposal as the server answered it. */
  onChanged: (proposal: Proposal) => void
}

/**
 * A draft's wording, drafted live by its sponsors and co-sponsors in the draft room (their
 * carets shown), with the commands to table or withdraw it.
 */
export function DraftPanel(props: DraftPanelProps) {
  const { negotiationId, proposal, principal, user, names, onClose, onChanged } = props
  const room = useCollabRoom(roomName({ negotiationId, kind: 'draft', key: proposal.id }), {
    label: `Draft: ${proposal.title}`,
  })
  const awareness = room?.provider.awareness
  useEffect(() => {
    awareness?.setLocalStateField('user', user)
  }, [awareness, user])
  const commands = allowedCommands(proposal, principal)
  const m = principal.membership
  const sponsorDelegate =
    m?.role === 'delegate' &&
    (proposal.sponsors.includes(m.actorId) || proposal.coSponsors.includes(m.actorId))
  const editable = proposal.status === 'draft' && sponsorDelegate
  const buttonsRef = useRef<HTMLDivElement>(null)
  const { setMount } = useDraftView(room, editable, () =>
    buttonsRef.current?.querySelector<HTMLElement>('button')?.focus(),
  )
  const [confirm, setConfirm] = useState<'table' | 'withdraw' | null>(null)
  const [busy, setBusy] = useState(false)
  const ask = (command: 'table' | 'withdraw') => !busy && setConfirm(command)
  const [error, setError] = useState<string | null>(null)

  const run = async (command: 'table' | 'withdraw') => {
    setBusy(true)
    setError(null)
    try {
      onChanged(await runSponsorCommand(negotiationId, proposal.id, command))
      setConfirm(null)
    } catch (caught) {
      setError((caught as Error).message)
      setConfirm(null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="draft-panel" aria-labelledby="draft-heading" data-testid="draft-panel">
      <div className="draft-head">
        <h2 id="draft-heading" className="panel-heading">
          Draft
        </h2>
        <button type="button" className="button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <h3 className="card-title">{proposal.title}</h3>
      <p className="card-meta">{describeParams(proposal.params)}</p>
      <CoalitionLine negotiationId={negotiationId} proposal={proposal} />
      <p className="card-meta" data-testid="draft-sponsors">
        {[...proposal.sponsors, ...proposal.coSponsors].map((id) => nameOf(names, id)).join(', ')}
      </p>
      {proposal.anchor && <blockquote className="card-quote">{proposal.anchor.quote}</blockquote>}
      <label className="draft-label" htmlFor="draft-editor-mount">
        Proposed wording {editable ? '(drafted live with the co-sponsors)' : '(read only)'}
      </label>
      {room?.status === 'refused' ? (
        <p className="muted">
          Only the sponsoring delegations see a draft’s wording until it is tabled.
        </p>
      ) : (
        <div id="draft-editor-mount" ref={setMount} className="draft-editor-mount" />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="card-actions" ref={buttonsRef}>
        {commands.includes('table') && (
          <button type="button" className="button-primary" onClick={() => ask('table')}>
            Table…
          </button>
        )}
        {commands.includes('withdraw') && (
          <button type="button" className="button" onClick={() => ask('withdraw')}>
            Withdraw…
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirm === 'table'}
        title="Table this proposal?"
        confirmLabel="Table"
        danger={false}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void run('table')}
      >
        Every member will see “{proposal.title}” in the text, with its wording as it stands now. The
        wording can no longer be changed.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'withdraw'}
        title="Withdraw this proposal?"
        confirmLabel="Withdraw"
        onCancel={() => setConfirm(null)}
        onConfirm={() => void run('withdraw')}
      >
        “{proposal.title}” will be withdrawn for every sponsor.
      </ConfirmDialog>
    </section>
  )
}
