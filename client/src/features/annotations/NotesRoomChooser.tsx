import { useId } from 'react'
import { GROUP_KIND_LABELS } from '../../../../shared/domain/groups'
import { setQueryParams } from '../issues/issueUrl'
import { myGroups } from '../groups/groupViews'
import { useGroupViews } from '../groups/useGroupViews'
import { NOTES_PARAM } from './notesRoom'
import './notesRoom.css'

interface NotesRoomChooserProps {
  negotiationId: string
  /** The group whose notes are shown now. */
  groupId: string | null
}

/**
 * Whose notes the panel shows, for a person in several groups (a delegate: the delegation and
 * each coalition of its state): the choice goes into the address (`?notes=`), so that a link
 * from the Rooms page opens the same room. Nothing for a person in one group or none.
 */
export function NotesRoomChooser({ negotiationId, groupId }: NotesRoomChooserProps) {
  const id = useId()
  const { groups } = useGroupViews(negotiationId)
  const mine = myGroups(groups)
  if (!groupId || mine.length < 2 || !mine.some((g) => g.id === groupId)) return null
  return (
    <div className="field notes-room" data-testid="notes-room">
      <label htmlFor={id}>Notes of</label>
      <select
        id={id}
        value={groupId}
        onChange={(e) => setQueryParams({ [NOTES_PARAM]: e.target.value }, true)}
      >
        {mine.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name} ({GROUP_KIND_LABELS[g.kind].toLowerCase()})
          </option>
        ))}
      </select>
    </div>
  )
}
