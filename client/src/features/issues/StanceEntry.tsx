import { useState } from 'react'
import { can, type Principal } from '../../../../shared/domain/policy'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import {
  isPrivateRecord,
  recordOwner,
  type Statement,
} from '../../../../shared/domain/stances/types'
import { recordLabel } from '../../../../shared/domain/stances/statements'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { publishStatement } from './issuesApi'

interface StanceEntryProps {
  negotiationId: string
  data: StanceData
  principal: Principal
  statement: Statement
  /** The records of this actor's cell disagree on the stance. */
  differs: boolean
  onChanged: () => void
}

/** Whose record an entry is in, as a reader reads it ("Delegation of France", "CMC — published"). */
export function recordText(data: StanceData, s: Pick<Statement, 'record' | 'published'>): string {
  const label = recordLabel(s.record, {
    actor: (id) => data.actors.find((a) => a.id === id)?.name ?? id,
    group: (id) => data.groups.find((g) => g.id === id)?.name ?? `Group ${id}`,
  })
  if (!isPrivateRecord(s.record)) return label
  return `${label} — ${s.published ? 'published' : 'private to your group'}`
}

/**
 * One entry of who stands where: the actor, whose record, when, the source and words, where it
 * comes from; marked where records disagree, with Publish on the reader's group's private ones.
 */
export function StanceEntry(props: StanceEntryProps) {
  const { negotiationId, data, principal, statement: s, differs, onChanged } = props
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const actor = data.actors.find((a) => a.id === s.actorId)?.name ?? s.actorId
  const owner = recordOwner(s.record)
  // An entry on a proposal the issue lists says which proposal it was said of.
  const target = s.target
  const onProposal =
    target.kind === 'proposal'
      ? (data.proposals.find((p) => p.id === target.proposalId)?.title ?? target.proposalId)
      : null
  const mayPublish =
    !s.published &&
    owner?.kind === 'group' &&
    can(principal, { type: 'group-work', groupId: owner.groupId }).ok
  const publish = () => {
    setBusy(true)
    publishStatement(negotiationId, s.id).then(
      () => {
        setBusy(false)
        onChanged()
      },
      (e: unknown) => {
        setBusy(false)
        setError((e as Error).message)
      },
    )
  }
  return (
    <li
      className={`stance-entry${s.published ? '' : ' stance-entry-private'}`}
      data-testid="stance-entry"
      data-actor={s.actorId}
      data-record={s.record}
    >
      <div className="stance-entry-head">
        <strong className="stance-entry-actor">{actor}</strong>
        <span className="stance-entry-record">{recordText(data, s)}</span>
        {s.date && <span className="stance-entry-date">{s.date}</span>}
        <ProvenanceBadge provenance={s.provenance} source={s.source} />
        {differs && (
          <span className="records-differ" title="Records of this actor disagree on the stance">
            ≠ Records differ
          </span>
        )}
      </div>
      {onProposal && <p className="stance-entry-target">On the proposal “{onProposal}”</p>}
      {s.quote && <blockquote className="stance-entry-quote">“{s.quote}”</blockquote>}
      {s.source && <p className="stance-entry-source">Source: {s.source}</p>}
      {mayPublish && (
        <p className="stance-entry-actions">
          <button type="button" className="button" onClick={publish} disabled={busy}>
            Publish
          </button>
          <span className="muted"> Everyone will see this entry.</span>
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </li>
  )
}
