import { useId } from 'react'
import type { RoundState } from '../../../../shared/domain/rounds'
import type { Issue, TargetList } from '../../../../shared/domain/stances/types'
import { ZOOM_NAMES, type Zoom } from './mapZoom'

/** Whose records the map reads: all the reader may see, the secretariat's, or the reader's group's. */
export type RecordChoice = 'all' | 'secretariat' | 'group'

/** What the map colours states by: their stance on an issue, or their treaty status. */
export type MapColour = 'stance' | 'treaty'

/**
 * What the map shows: what it colours by, an issue, a round ('' for every round), records, a
 * target list, a zoom.
 */
export interface MapChoice {
  colour: MapColour
  issueId: string
  roundId: string
  record: RecordChoice
  listId: string
  zoom: Zoom
}

interface MapControlsProps {
  issues: { issue: Issue; depth: number }[]
  rounds: RoundState[]
  /** The reader's campaign group's name, if any: "my group only" is offered then. */
  groupName: string | null
  targetLists: TargetList[]
  choice: MapChoice
  onChange: (change: Partial<MapChoice>) => void
}

// Children are indented under their parents in the issue picker (a select shows no tree).
const indent = (depth: number) => '\u2003'.repeat(depth)

/**
 * The pickers above the map: what it colours by, the issue (in tree order), the round, whose records, the reader's
 * group's target lists (campaigners only), and the part of the world.
 */
export function MapControls(props: MapControlsProps) {
  const { issues, rounds, groupName, targetLists, choice, onChange } = props
  const id = useId()
  return (
    <div className="filters map-controls" role="group" aria-label="What the map shows">
      <div className="field">
        <label htmlFor={`${id}-colour`}>Colour by</label>
        <select
          id={`${id}-colour`}
          value={choice.colour}
          onChange={(e) => onChange({ colour: e.target.value as MapColour })}
        >
          <option value="stance">Stance on an issue</option>
          <option value="treaty">Treaty status</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-issue`}>Issue</label>
        <select
          id={`${id}-issue`}
          value={choice.issueId}
          onChange={(e) => onChange({ issueId: e.target.value })}
        >
          {issues.map(({ issue, depth }) => (
            <option key={issue.id} value={issue.id}>
              {indent(depth)}
              {issue.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-round`}>Round</label>
        <select
          id={`${id}-round`}
          value={choice.roundId}
          onChange={(e) => onChange({ roundId: e.target.value })}
        >
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
          <option value="">Every round (latest entry)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-records`}>Records</label>
        <select
          id={`${id}-records`}
          value={choice.record}
          onChange={(e) => onChange({ record: e.target.value as RecordChoice })}
        >
          <option value="all">All I may see</option>
          <option value="secretariat">Secretariat only</option>
          {groupName && <option value="group">My group only ({groupName})</option>}
        </select>
      </div>
      {targetLists.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-list`}>Target list</label>
          <select
            id={`${id}-list`}
            value={choice.listId}
            onChange={(e) => onChange({ listId: e.target.value })}
          >
            <option value="">None: every state</option>
            {targetLists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-zoom`}>Show</label>
        <select
          id={`${id}-zoom`}
          value={choice.zoom}
          onChange={(e) => onChange({ zoom: e.target.value as Zoom })}
        >
          {ZOOM_NAMES.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
