import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import type { Principal } from '../../../../shared/domain/policy'
import {
  issuesInTreeOrder,
  latestRoundWithEntries,
  MAP_STANCES,
  mapSummary,
  treatyMap,
  type ActorStance,
} from '../../../../shared/domain/stances/mapSummary'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import {
  TREATY_CLASSES,
  treatyAbsentText,
  treatyClassLabel,
  treatyStatusText,
} from '../../../../shared/domain/stances/treatyStatus'
import type { RecordKey } from '../../../../shared/domain/stances/types'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { useStanceData, type StancePageProps } from '../stances/useStanceData'
import { MapControls, type MapChoice, type RecordChoice } from './MapControls'
import { MapEntries } from './MapEntries'
import { MapLegend } from './MapLegend'
import { OrganisationList } from './OrganisationList'
import { RegionSummary } from './RegionSummary'
import { StanceTable } from './StanceTable'
import type { MapPaint } from './WorldMap'
import { hasSynthetic, MAP_STANCE_LABELS, type MapNames, type StateTreaty } from './mapLabels'
import './map.css'

// The shapes and the projection (about 100 kB) load with the map only, not with every page.
const WorldMap = lazy(() => import('./WorldMap').then((m) => ({ default: m.WorldMap })))

/**
 * Map: stances on an issue in a round, or each state's treaty status, on a world map, with a table
 * and regional counts (issue 12).
 */
export function MapPage({ negotiationId, principal }: StancePageProps) {
  const { data, error } = useStanceData(negotiationId)
  return (
    <main className="sheet map-page" aria-labelledby="map-heading">
      <div className="sheet-head">
        <h2 id="map-heading" className="sheet-title">
          Map
        </h2>
      </div>
      {error && !data && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p>Loading who stands where…</p>}
      {data && <MapView data={data} principal={principal} />}
    </main>
  )
}

const recordsOf = (choice: RecordChoice, groupId: string | null): RecordKey[] | undefined =>
  choice === 'secretariat'
    ? ['secretariat']
    : choice === 'group' && groupId
      ? [`group:${groupId}`]
      : undefined

function MapView({ data, principal }: { data: StanceData; principal: Principal }) {
  const m = principal.membership
  const groupId = m?.role === 'campaigner' ? m.groupId : null
  const tree = useMemo(() => issuesInTreeOrder(data.issues), [data.issues])
  const rounds = useMemo(
    () => [...data.rounds].sort((a, b) => a.startDate.localeCompare(b.startDate)),
    [data.rounds],
  )
  const [picked, setPicked] = useState<Partial<MapChoice>>({})
  const [selected, setSelected] = useState<string | null>(null)
  const [showTable, setShowTable] = useState(false)
  const opener = useRef<HTMLElement | null>(null)

  const issueId = picked.issueId ?? tree[0]?.issue.id ?? ''
  const defaultRound = useMemo(
    () =>
      latestRoundWithEntries(
        data,
        issueId,
        rounds.map((r) => r.id),
      ) ??
      rounds.at(-1)?.id ??
      '',
    [data, issueId, rounds],
  )
  const choice: MapChoice = {
    colour: picked.colour ?? 'stance',
    issueId,
    roundId: picked.roundId ?? defaultRound,
    record: picked.record ?? 'all',
    listId: picked.listId ?? '',
    zoom: picked.zoom ?? 'World',
  }
  const list = data.targetLists.find((l) => l.id === choice.listId) ?? null
  const { record } = choice
  const roundId = choice.roundId || null

  const whole = useMemo(
    () => mapSummary(data, issueId, { roundId, records: recordsOf(record, groupId) }),
    [data, issueId, roundId, record, groupId],
  )
  const listed = useMemo(
    () =>
      list
        ? mapSummary(data, issueId, {
            roundId,
            records: recordsOf(record, groupId),
            among: new Set(list.actorIds),
          })
        : whole,
    [data, issueId, roundId, record, groupId, list, whole],
  )

  // Treaty status: worded as in the actors table; a state not in the list is unknown, grey.
  const byTreaty = choice.colour === 'treaty'
  const treatyRows = useMemo(
    () => new Map(data.treatyStatus.map((t) => [t.actorId, t])),
    [data.treatyStatus],
  )
  const treatyAbsent = useMemo(() => treatyAbsentText(data.treatyStatus), [data.treatyStatus])
  const treatyOf = useMemo(() => {
    const { classOf } = treatyMap([], data.treatyStatus)
    return (s: ActorStance): StateTreaty | null =>
      s.actor.kind === 'state'
        ? {
            ...treatyStatusText(treatyRows.get(s.actor.id), treatyAbsent),
            class: classOf(s.actor.id),
          }
        : null
  }, [data.treatyStatus, treatyRows, treatyAbsent])
  const treatyCounts = useMemo(
    () => treatyMap(listed.states, data.treatyStatus),
    [listed.states, data.treatyStatus],
  )
  const paint: MapPaint | undefined = useMemo(
    () =>
      byTreaty
        ? {
            fill: (s) => treatyOf(s)?.class ?? 'unknown',
            label: (s, dimmed) =>
              `${s.actor.name}: treaty status ${treatyOf(s)?.text ?? 'unknown'}` +
              (dimmed ? ' — not on the target list' : ''),
            name: (s) => treatyOf(s)?.text ?? '',
          }
        : undefined,
    [byTreaty, treatyOf],
  )

  const names: MapNames = useMemo(() => {
    const actors = new Map(data.actors.map((a) => [a.id, a.name]))
    const groups = new Map(data.groups.map((g) => [g.id, g.name]))
    const issues = new Map(data.issues.map((i) => [i.id, i.title]))
    const roundNames = new Map(data.rounds.map((r) => [r.id, r.name]))
    return {
      actor: (id) => actors.get(id) ?? id,
      group: (id) => groups.get(id) ?? `Group ${id}`,
      issue: (id) => issues.get(id) ?? id,
      round: (id) => (id ? (roundNames.get(id) ?? id) : 'Round not known'),
    }
  }, [data])

  useEffect(() => {
    if (showTable) document.getElementById('map-table-caption')?.focus()
  }, [showTable])

  if (tree.length === 0) {
    return <p>No issues yet: the chair names them on the Issues page, then the map shows them.</p>
  }

  const issueTitle = names.issue(issueId)
  const roundName = roundId ? names.round(roundId) : 'every round'
  const recordWords =
    choice.record === 'secretariat'
      ? 'the secretariat’s record'
      : choice.record === 'group'
        ? `${names.group(groupId ?? '')}’s record`
        : 'every record you may see'
  const withEntry = listed.states.filter((s) => s.stance !== 'unknown')
  const withStatus = listed.states.filter((s) => treatyOf(s)?.class !== 'unknown')
  const unknownStatus = listed.states.length - withStatus.length
  const tableRows = byTreaty
    ? withStatus
    : [...withEntry, ...listed.organisations].sort((a, b) =>
        a.actor.name.localeCompare(b.actor.name, 'en'),
      )
  const inClass = (c: string) => listed.states.filter((s) => treatyOf(s)?.class === c).length
  const treatyTally = `${inClass('ratified')} ratified, acceded or otherwise bound, ${inClass('signed')} signed only, ${unknownStatus} unknown (${treatyAbsent})`
  const stanceColumns = MAP_STANCES.map((key) => ({ key, label: MAP_STANCE_LABELS[key] }))
  const treatyColumns = TREATY_CLASSES.map((key) => ({
    key,
    label: treatyClassLabel(key, treatyAbsent),
  }))
  const summaryOf = byTreaty ? treatyCounts : listed
  const onList = list ? new Set(list.actorIds) : null
  const all = [...whole.states, ...whole.organisations]
  const open = all.find((s) => s.actor.id === selected) ?? null
  const synthetic = all.filter(hasSynthetic)

  const openEntries = (actorId: string) => {
    opener.current = document.activeElement as HTMLElement | null
    setSelected(actorId)
  }
  const closeEntries = () => {
    setSelected(null)
    opener.current?.focus()
  }

  return (
    <>
      <MapControls
        issues={tree}
        rounds={rounds}
        groupName={groupId ? names.group(groupId) : null}
        targetLists={data.targetLists}
        choice={choice}
        onChange={(change) => {
          // A new issue starts at its own latest round again.
          setPicked((p) =>
            'issueId' in change ? { ...p, roundId: undefined, ...change } : { ...p, ...change },
          )
          setSelected(null)
        }}
      />
      {byTreaty ? (
        <p className="map-caption" aria-live="polite" data-testid="map-treaty-caption">
          <strong>Treaty status</strong> of {listed.states.length} states
          {list && ` on ${list.name}`}: {treatyTally}.
        </p>
      ) : (
        <p className="map-caption" aria-live="polite">
          <strong>{issueTitle}</strong> in {roundName}, from {recordWords}: {withEntry.length}{' '}
          {withEntry.length === 1 ? 'state' : 'states'} and {listed.organisations.length}{' '}
          {listed.organisations.length === 1 ? 'organisation' : 'organisations'} with an entry
          {list && `, among the ${list.actorIds.length} on ${list.name}`}.
        </p>
      )}
      {!byTreaty && synthetic.length > 0 && (
        <p className="map-synthetic-note" data-testid="map-synthetic">
          <ProvenanceBadge provenance="synthetic" /> Made up, not from any source:{' '}
          {synthetic.map((a) => a.actor.name).join(', ')} (outlined dashed on the map).
        </p>
      )}
      <button
        type="button"
        className="map-table-toggle"
        aria-expanded={showTable}
        aria-controls="map-table-region"
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? 'Hide the table' : 'Show as table'}
      </button>
      <div className="map-layout">
        <div className="map-main">
          <Suspense fallback={<p className="map-loading">Loading the map…</p>}>
            <WorldMap
              states={whole.states}
              names={names}
              isDimmed={(id) => onList !== null && !onList.has(id)}
              selected={selected}
              onOpen={openEntries}
              label={
                byTreaty
                  ? 'World map of treaty status'
                  : `World map of stances on ${issueTitle} in ${roundName}`
              }
              zoom={choice.zoom}
              paint={paint}
            />
          </Suspense>
          <MapLegend dimming={list !== null} treatyAbsent={byTreaty ? treatyAbsent : null} />
        </div>
        <aside className="map-side" aria-label="Entries and organisations">
          {open && (
            <MapEntries
              state={open}
              issueTitle={issueTitle}
              names={names}
              treaty={treatyOf(open)}
              onClose={closeEntries}
            />
          )}
          <OrganisationList
            organisations={whole.organisations}
            names={names}
            isDimmed={(id) => onList !== null && !onList.has(id)}
            selected={selected}
            onOpen={openEntries}
          />
        </aside>
      </div>
      <div id="map-table-region" hidden={!showTable}>
        {showTable && (
          <StanceTable
            caption={
              byTreaty
                ? `Treaty status of the states in the list${list ? ` on ${list.name}` : ''}, with their stances on ${issueTitle} in ${roundName}; ${unknownStatus} other ${unknownStatus === 1 ? 'state' : 'states'}: unknown, ${treatyAbsent}`
                : `Stances on ${issueTitle} in ${roundName}, from ${recordWords}${list ? `, ${list.name} only` : ''}`
            }
            actors={tableRows}
            names={names}
            treaty={treatyOf}
            onOpen={openEntries}
          />
        )}
      </div>
      <div className="map-summaries">
        <RegionSummary
          id="map-by-region"
          title={`States by region${list ? ` (${list.name})` : ''}`}
          kind="Region"
          columns={byTreaty ? treatyColumns : stanceColumns}
          attribute={byTreaty ? 'data-treaty' : 'data-stance'}
          rows={summaryOf.regions}
        />
        <RegionSummary
          id="map-by-group"
          title={`States by UN regional group${list ? ` (${list.name})` : ''}`}
          kind="UN regional group"
          columns={byTreaty ? treatyColumns : stanceColumns}
          attribute={byTreaty ? 'data-treaty' : 'data-stance'}
          rows={summaryOf.groups}
        />
      </div>
    </>
  )
}
