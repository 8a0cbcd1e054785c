import { useMemo, useState } from 'react'
import { can, type Principal } from '../../../../shared/domain/policy'
import type { Round } from '../../../../shared/domain/rounds'
import { participantsCsvUrl, setRoundRecord, type RoundRecord } from './actorsApi'
import { ActorFilters } from './ActorFilters'
import { CsvUploadButton, CsvUploadResult, useCsvUpload } from './CsvUpload'
import { ParticipantTable } from './ParticipantTable'
import {
  groupsOf,
  view,
  type FilterFacts,
  type ParticipantFilter,
  type Sort,
} from './participantView'
import { hasEndorsed, indexStances } from './stanceColumns'
import type { ParticipantsHandle } from './useParticipants'
import { useStanceData } from '../stances/useStanceData'

interface ActorsPageProps {
  negotiationId: string
  principal: Principal
  rounds: Round[]
  participants: ParticipantsHandle
}

/**
 * The actors of a negotiation, as the Oslo Process states spreadsheet: filter, sort, download
 * as CSV; the chair uploads a CSV; delegates record their own endorsements. Treaty status and
 * endorsements of declarations come from `GET .../stances`, as do a campaigner's target lists
 * (their group's only) for the target-list filter.
 */
export function ActorsPage({ negotiationId, principal, rounds, participants }: ActorsPageProps) {
  const [filter, setFilter] = useState<ParticipantFilter>({ text: '', group: '', flag: '' })
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false })
  const [pending, setPending] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const list = participants.participants
  const stances = useStanceData(negotiationId).data
  const facts = useMemo(() => (stances ? indexStances(stances) : null), [stances])
  const filterFacts = useMemo<FilterFacts | undefined>(() => {
    if (!stances || !facts) return undefined
    const lists = new Map(stances.targetLists.map((t) => [t.id, new Set(t.actorIds)]))
    return {
      inList: (listId, actorId) => lists.get(listId)?.has(actorId) ?? false,
      endorsed: (declarationId, actorId) => hasEndorsed(facts, declarationId, actorId),
    }
  }, [stances, facts])
  const rows = useMemo(
    () => view(list ?? [], filter, sort, filterFacts),
    [list, filter, sort, filterFacts],
  )
  const groups = useMemo(() => groupsOf(list ?? []), [list])
  const manage = can(principal, { type: 'manage-actors' }).ok
  const csv = useCsvUpload(negotiationId, participants.replace)

  const toggle = async (actorId: string, roundId: string, change: Partial<RoundRecord>) => {
    setPending(`${actorId}/${roundId}`)
    setFailure(null)
    try {
      participants.put(await setRoundRecord(negotiationId, actorId, roundId, change))
    } catch (error) {
      setFailure((error as Error).message)
    } finally {
      setPending(null)
    }
  }

  return (
    <main className="sheet" aria-labelledby="actors-heading">
      <div className="sheet-head">
        <h2 id="actors-heading" className="sheet-title">
          Actors{' '}
          <span className="count">
            {list
              ? rows.length === list.length
                ? list.length
                : `${rows.length} of ${list.length}`
              : ''}
          </span>
        </h2>
        <div className="sheet-actions">
          <a className="button" href={participantsCsvUrl(negotiationId)} download>
            Download CSV
          </a>
          {manage && <CsvUploadButton state={csv} />}
        </div>
      </div>
      <CsvUploadResult state={csv} />
      <ActorFilters
        filter={filter}
        onChange={setFilter}
        groups={groups}
        rounds={rounds}
        targetLists={stances?.targetLists ?? []}
        declarations={stances?.declarations ?? []}
      />
      <p className="legend">
        Per round: <span className="mark mark-attended is-on">A</span> attended,{' '}
        <span className="mark mark-endorsed is-on">E</span> endorsed the declaration.
        {facts && (
          <>
            {' '}
            Treaty status as the depositary lists it; &ldquo;Unknown&rdquo; where the source has no
            row ({facts.treatyAbsent}). Endorsements: &#10003; with its date where a source lists
            the state, &ldquo;count only&rdquo; where sources give only a number.
          </>
        )}
      </p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {participants.error && !list && (
        <p role="alert">Could not load the actors: {participants.error}</p>
      )}
      {!list && !participants.error && <p role="status">Loading the actors…</p>}
      {list && rows.length === 0 && <p>No actor matches these filters.</p>}
      {list && rows.length > 0 && (
        <div
          className="table-scroll table-scroll-x"
          // Focusable, so that arrow keys scroll a table wider than the screen.
          tabIndex={0}
          role="region"
          aria-label="Actors table"
        >
          <ParticipantTable
            rows={rows}
            rounds={rounds}
            sort={sort}
            onSort={setSort}
            rights={(actorId) => ({
              endorse: can(principal, { type: 'act-for', actorId }).ok,
              attend: can(principal, { type: 'act-for', actorId }).ok,
            })}
            onToggle={(a, r, c) => void toggle(a, r, c)}
            pending={pending}
            facts={facts}
          />
        </div>
      )}
    </main>
  )
}
