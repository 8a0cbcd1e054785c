import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import type * as Y from 'yjs'
import { TEXT_FRAGMENT, closeCodeName } from '../../../shared/collab'
import { NOTES_ANNOTATIONS } from '../../../shared/domain/annotations/types'
import { treatySchema } from '../../../shared/schema'
import type { LocalCopy } from './syncRegistry'

const REASONS: Record<string, string> = {
  Forbidden: 'You may no longer open this room.',
  ReadOnly: 'You may now only read this room.',
  Unauthenticated: 'Your session ended before these changes reached the server.',
  NotFound: 'The negotiation no longer exists.',
  TooManyConnections: 'Too many windows were open for you.',
}

/**
 * A local copy of a room's document as this device holds it, with the changes the server did
 * not take: a text or draft as plain text (blocks apart) and ProseMirror JSON, a notes room as
 * its notes.
 */
export function localCopyOf(
  doc: Y.Doc,
  room: string,
  label: string,
  changes: number,
  code: number,
): LocalCopy {
  const fragment = doc.getXmlFragment(TEXT_FRAGMENT)
  let text: string
  let json: unknown
  if (fragment.length > 0) {
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, treatySchema)
    text = pm.textBetween(0, pm.content.size, '\n\n', ' ')
    json = pm.toJSON()
  } else {
    json = doc.getMap(NOTES_ANNOTATIONS).toJSON()
    text = JSON.stringify(json, null, 2)
  }
  const name = closeCodeName(code)
  return {
    id: `${room}@${Date.now()}`,
    room,
    label,
    text,
    json,
    changes,
    reason: (name && REASONS[name]) ?? `The server refused the connection (${code}).`,
    savedAt: Date.now(),
  }
}
