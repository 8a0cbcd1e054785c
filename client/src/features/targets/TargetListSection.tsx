import { Fragment, useId, useState } from 'react'
import type { StanceCell } from '../../../../shared/domain/stances/cells'
import type {
  CampaignAction,
  CampaignActionInput,
  TargetList,
  TargetListInput,
} from '../../../../shared/domain/stances/types'
import { EndorsementFact, TreatyFact } from '../actors/StanceFacts'
import type { StanceIndex } from '../actors/stanceColumns'
import { ConfirmDialog } from '../common/ConfirmDialog'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { counted } from '../common/plural'
import type { ActorChoice } from '../proposals/CoSponsorPicker'
import { ACTION_KIND_LABELS, ActionLog } from './ActionLog'
import { StanceText } from './StanceText'
import { TargetListForm } from './TargetListForm'

/** The stance column: the chosen issue's title and its cells, when an issue is chosen. */
export interface StanceColumn {
  title: string
  cells: Map<string, StanceCell>
  issueTitle: (issueId: string) => string
}

interface TargetListSectionProps {
  list: TargetList
  actors: ActorChoice[]
  name: (actorId: string) => string
  facts: StanceIndex | null
  stance: StanceColumn | null
  actionsOf: (actorId: string) => CampaignAction[]
  onSave: (input: TargetListInput) => Promise<unknown>
  onDelete: () => Promise<void>
  onLog: (input: CampaignActionInput) => Promise<unknown>
}

const inputOf = (list: TargetList): TargetListInput => ({
  name: list.name,
  description: list.description,
  source: list.source,
  provenance: list.provenance,
  actorIds: list.actorIds,
})

/**
 * One target list: its name, description, source and provenance, and a table of its states with
 * their stance on the chosen issue, treaty status, endorsements and the group's actions with
 * each; edit, delete.
 */
export function TargetListSection(props: TargetListSectionProps) {
  const { list, actors, name, facts, stance, actionsOf, onSave, onDelete, onLog } = props
  const headingId = useId()
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [open, setOpen] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const columns = 3 + (stance ? 1 : 0) + (facts ? 1 + facts.declarations.length : 0)
  const states = [...list.actorIds].sort((a, b) => name(a).localeCompare(name(b)))

  const removeState = async (actorId: string) => {
    setFailure(null)
    try {
      await onSave({ ...inputOf(list), actorIds: list.actorIds.filter((id) => id !== actorId) })
    } catch (error) {
      setFailure((error as Error).message)
    }
  }
  const remove = async () => {
    setConfirming(false)
    try {
      await onDelete()
    } catch (error) {
      setFailure((error as Error).message)
    }
  }

  return (
    <section className="target-list" aria-labelledby={headingId} data-list-id={list.id}>
      <header className="target-list-head">
        <h3 id={headingId}>
          {list.name} <span className="count">{counted(list.actorIds.length, 'state')}</span>
        </h3>
        <ProvenanceBadge provenance={list.provenance} source={list.source || undefined} />
        <div className="sheet-actions">
          <button type="button" className="button" onClick={() => setEditing(!editing)}>
            {editing ? 'Close editing' : 'Edit list'}
          </button>
          <button type="button" className="button danger-text" onClick={() => setConfirming(true)}>
            Delete list
          </button>
        </div>
      </header>
      {list.description && <p className="target-description">{list.description}</p>}
      {list.source && <p className="target-source">Source: {list.source}</p>}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {editing && (
        <TargetListForm
          list={list}
          actors={actors}
          onSave={async (input) => {
            await onSave(input)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {states.length === 0 ? (
        <p className="target-empty">No state on this list yet: edit the list to add some.</p>
      ) : (
        <div
          className="table-scroll table-scroll-x"
          // Focusable, so that arrow keys scroll a table wider than the screen.
          tabIndex={0}
          role="region"
          aria-label={`States of ${list.name}`}
        >
          <table className="data-table target-states">
            <thead>
              <tr>
                <th scope="col">State</th>
                {stance && (
                  <th scope="col" className="col-stance">
                    On {stance.title}
                  </th>
                )}
                {facts && (
                  <th scope="col" className="col-treaty">
                    Treaty status
                  </th>
                )}
                {facts?.declarations.map((d) => (
                  <th key={d.id} scope="col" className="col-declaration">
                    {d.title}
                  </th>
                ))}
                <th scope="col">Campaign actions</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {states.map((actorId) => {
                const actions = actionsOf(actorId)
                const latest = actions[0]
                const expanded = open === actorId
                return (
                  <Fragment key={actorId}>
                    <tr data-actor-id={actorId}>
                      <th scope="row">{name(actorId)}</th>
                      {stance && (
                        <td>
                          <StanceText
                            cell={stance.cells.get(actorId)}
                            issueTitle={stance.issueTitle}
                          />
                        </td>
                      )}
                      {facts && (
                        <td className="col-treaty">
                          <TreatyFact index={facts} actorId={actorId} />
                        </td>
                      )}
                      {facts?.declarations.map((d) => (
                        <td key={d.id} className="col-declaration">
                          <EndorsementFact index={facts} declarationId={d.id} actorId={actorId} />
                        </td>
                      ))}
                      <td className="col-actions">
                        {latest && (
                          <span className="action-latest">
                            {ACTION_KIND_LABELS[latest.kind]} {latest.date}
                          </span>
                        )}
                        <button
                          type="button"
                          className="button-quiet"
                          aria-expanded={expanded}
                          onClick={() => setOpen(expanded ? null : actorId)}
                        >
                          Actions ({actions.length})
                          <span className="visually-hidden"> with {name(actorId)}</span>
                        </button>
                      </td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="button-quiet danger-text"
                          aria-label={`Remove ${name(actorId)} from ${list.name}`}
                          onClick={() => void removeState(actorId)}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                    {expanded && (
                      <tr className="action-row">
                        <td colSpan={columns}>
                          <ActionLog
                            actorId={actorId}
                            actorName={name(actorId)}
                            actions={actions}
                            onLog={onLog}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${list.name}?`}
        confirmLabel="Delete list"
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        The list and its {counted(list.actorIds.length, 'state')} go for everyone in your group. The
        actions logged with each state stay in the group&rsquo;s log.
      </ConfirmDialog>
    </section>
  )
}
