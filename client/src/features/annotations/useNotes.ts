import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { roomName } from '../../../../shared/collab'
import { tagsInUse } from '../../../../shared/domain/annotations/filters'
import { STANDARD_TAGS, type Annotation } from '../../../../shared/domain/annotations/types'
import { PUBLIC_NOTES, can, type Principal } from '../../../../shared/domain/policy'
import { useCollabRoom } from '../../collab/useCollabRoom'
import { readAnnotations } from './notesDoc'
import { chosenNotesGroup, useNotesParam } from './notesRoom'

/** An annotation as this person sees it: the group's own copy (writable) or a published one. */
export interface ShownNote extends Annotation {
  /** 'group': in the person's own group room; 'public': a published copy, read only. */
  source: 'group' | 'public'
}

/** The notes this person may see, live, and where their own group's notes are written. */
export interface Notes {
  /**
   * The group whose room this person reads and writes: a campaigner's group, or the one of a
   * delegate's groups (delegation, coalitions) chosen in the address (`?notes=`), the first by
   * default; null for the chair and observers (who see published notes only).
   */
  groupId: string | null
  /** The group room's document, for writing; null unless this person annotates for a group. */
  groupDoc: Y.Doc | null
  /** The group's notes and every published note, each once (the group's copy first). */
  shown: ShownNote[]
  /** The free tags the group has used so far, besides the standard ones. */
  groupTags: string[]
}

// Follows one notes room: its annotations after every transaction.
function useRoomNotes(doc: Y.Doc | undefined): Annotation[] {
  const [list, setList] = useState<Annotation[]>([])
  useEffect(() => {
    if (!doc) return
    const publish = () => setList(readAnnotations(doc))
    publish()
    doc.on('afterTransaction', publish)
    return () => doc.off('afterTransaction', publish)
  }, [doc])
  return doc ? list : []
}

/**
 * Opens the notes rooms this person may read: the public room for every member, and one of
 * their own groups' rooms (the chosen one) only for a member of that group (nobody else ever
 * connects to it).
 */
export function useNotes(negotiationId: string, principal: Principal): Notes {
  const chosen = chosenNotesGroup(principal, useNotesParam())
  const groupId = chosen && can(principal, { type: 'annotate', groupId: chosen }).ok ? chosen : null
  const groupRoom = groupId ? roomName({ negotiationId, kind: 'notes', key: groupId }) : null
  const opened = useCollabRoom(groupRoom, { label: `Notes of ${groupId ?? ''}` })
  // Just after another group is chosen the previous room is still held for one render: never
  // show its notes, nor write into it, under the new group's name.
  const group = opened?.provider.roomname === groupRoom ? opened : null
  const published = useCollabRoom(roomName({ negotiationId, kind: 'notes', key: PUBLIC_NOTES }))
  const own = useRoomNotes(groupId ? group?.ydoc : undefined)
  const others = useRoomNotes(published?.ydoc)

  const shown = useMemo(() => {
    const ids = new Set(own.map((a) => a.id))
    return [
      ...own.map((a): ShownNote => ({ ...a, source: 'group' })),
      ...others.filter((a) => !ids.has(a.id)).map((a): ShownNote => ({ ...a, source: 'public' })),
    ]
  }, [own, others])
  const groupTags = useMemo(
    () =>
      tagsInUse(own, STANDARD_TAGS).filter(
        (t) => !(STANDARD_TAGS as readonly string[]).includes(t),
      ),
    [own],
  )
  return { groupId, groupDoc: (groupId && group?.ydoc) || null, shown, groupTags }
}
