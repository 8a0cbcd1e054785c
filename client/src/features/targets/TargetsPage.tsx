import { useEffect, useId, useMemo, useState } from 'react'
import { useMe } from '../../auth/SessionContext'
import { issueCells } from '../../../../shared/domain/stances/cells'
import type { CampaignAction, Issue } from '../../../../shared/domain/stances/types'
import { listActors, type Actor } from '../actors/actorsApi'
import { indexStances } from '../actors/stanceColumns'
import { counted } from '../common/plural'
import { useStanceData, type StancePageProps } from '../stances/useStanceData'
import { TargetListForm } from './TargetListForm'
import { TargetListSection, type StanceColumn } from './TargetListSection'
import { targetsCsvUrl } from './targetsApi'
import { useTargets } from './useTargets'
import './targets.css'

/** Targets: a campaign group's target lists and the actions it took with each state (issue 12). */
export function TargetsPage(props: StancePageProps) {
  const m = props.principal.membership
  if (m?.role !== 'campaigner') {
    return (
      <main className="sheet">
        <h2 className="sheet-title">Targets</h2>
        <p>Target lists are kept by campaign groups, each for itself; you are not in one here.</p>
      </main>
    )
  }
  return <GroupTargets {...props} groupId={m.groupId} />
}

// Issues in tree order, each with its depth, for the issue chooser.
function issueTree(issues: readonly Issue[]): { issue: Issue; depth: number }[] {
  const out: { issue: Issue; depth: number }[] = []
  const walk = (parentId: string | null, depth: number) => {
    const children = issues.filter((i) => i.parentId === parentId).sort((a, b) => a.order - b.order)
    for (const issue of children) {
      out.push({ issue, depth })
      if (depth < 20) walk(issue.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

function GroupTargets({ negotiationId, groupId }: StancePageProps & { groupId: string }) {
  const issueFieldId = useId()
  const { data, error: stanceError } = useStanceData(negotiationId)
  const targets = useTargets(negotiationId, groupId)
  const mine = useMe().memberships.find((m) => m.negotiationId === negotiationId)
  const [catalogue, setCatalogue] = useState<Actor[]>([])
  const [issueId, setIssueId] = useState('')
  const [creating, setCreating] = useState(false)

  useEffect(() => {
    const abort = new AbortController()
    listActors(abort.signal).then(setCatalogue, () => {})
    return () => abort.abort()
  }, [])

  const groupName =
    mine?.groupName ?? data?.groups.find((g) => g.id === groupId)?.name ?? 'your group'
  const facts = useMemo(() => (data ? indexStances(data) : null), [data])
  const names = useMemo(
    () => new Map([...catalogue, ...(data?.actors ?? [])].map((a) => [a.id, a.name])),
    [catalogue, data],
  )
  const name = (actorId: string) => names.get(actorId) ?? actorId
  const states = useMemo(
    () => catalogue.filter((a) => a.kind === 'state').map((a) => ({ id: a.id, name: a.name })),
    [catalogue],
  )
  const tree = useMemo(() => issueTree(data?.issues ?? []), [data])
  const stance = useMemo<StanceColumn | null>(() => {
    const issue = data?.issues.find((i) => i.id === issueId)
    if (!data || !issue) return null
    const titles = new Map(data.issues.map((i) => [i.id, i.title]))
    return {
      title: issue.title,
      cells: issueCells(data.issues, data.statements, issue.id, { roundId: null }),
      issueTitle: (id) => titles.get(id) ?? id,
    }
  }, [data, issueId])
  const byActor = useMemo(() => {
    const map = new Map<string, CampaignAction[]>()
    for (const a of targets.actions) map.set(a.actorId, [...(map.get(a.actorId) ?? []), a])
    return map
  }, [targets.actions])

  const lists = targets.lists
  return (
    <main className="sheet targets-page" aria-labelledby="targets-heading">
      <div className="sheet-head">
        <h2 id="targets-heading" className="sheet-title">
          Target lists <span className="count">{lists ? lists.length : ''}</span>
        </h2>
        <div className="sheet-actions">
          {lists && lists.length > 0 && (
            <a className="button" href={targetsCsvUrl(negotiationId, groupId)} download>
              Download CSV
            </a>
          )}
          <button
            type="button"
            className="button-primary"
            disabled={creating}
            onClick={() => setCreating(true)}
          >
            New list
          </button>
        </div>
      </div>
      <p className="privacy-note" data-testid="targets-privacy">
        Private to {groupName}: other groups, delegations, observers and the chair cannot see these
        lists.
      </p>
      {creating && (
        <TargetListForm
          actors={states}
          onSave={async (input) => {
            await targets.create(input)
            setCreating(false)
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {tree.length > 0 && (
        <div className="filters">
          <div className="field">
            <label htmlFor={issueFieldId}>Show each state&rsquo;s current stance on</label>
            <select id={issueFieldId} value={issueId} onChange={(e) => setIssueId(e.target.value)}>
              <option value="">No issue</option>
              {tree.map(({ issue, depth }) => (
                <option key={issue.id} value={issue.id}>
                  {'\u00a0\u00a0'.repeat(depth)}
                  {issue.title}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {stanceError && !data && (
        <p role="alert">Could not load treaty status and stances: {stanceError}</p>
      )}
      {targets.error && !lists && <p role="alert">Could not load the lists: {targets.error}</p>}
      {!lists && !targets.error && <p role="status">Loading the lists…</p>}
      {lists && lists.length === 0 && !creating && (
        <p>No target list yet. Lists you create here are seen by {groupName} only.</p>
      )}
      {lists?.map((list) => (
        <TargetListSection
          key={list.id}
          list={list}
          actors={states}
          name={name}
          facts={facts}
          stance={stance}
          actionsOf={(actorId) => byActor.get(actorId) ?? []}
          onSave={(input) => targets.update(list.id, input)}
          onDelete={() => targets.remove(list.id)}
          onLog={targets.log}
        />
      ))}
      {lists && lists.length > 0 && (
        <p className="legend">
          {counted(targets.actions.length, 'action')} logged by {groupName}. Treaty status as the
          depositary lists it; &ldquo;Unknown&rdquo; where its list has no row.
        </p>
      )}
    </main>
  )
}
