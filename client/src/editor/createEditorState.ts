import { EditorState } from 'prosemirror-state'
import { ySyncPlugin, yUndoPlugin } from 'y-prosemirror'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { treatySchema, CLAUSE_TYPES } from '../../../shared/schema'
import { EDITOR_ACTIONS } from './actions'
import { editorKeymaps } from './keymap'
import { alternativeInputPlugin } from './plugins/alternativeInputPlugin'
import { annotationsPlugin } from './plugins/annotationsPlugin'
import { articleIdsPlugin } from './plugins/articleIdsPlugin'
import { articlePresencePlugin } from './plugins/articlePresencePlugin'
import { bracketsPlugin } from './plugins/bracketsPlugin'
import { cursorsPlugin } from './plugins/cursorsPlugin'
import { labelsPlugin } from './plugins/labelsPlugin'
import { pasteArticlesPlugin } from './plugins/pasteArticlesPlugin'
import { pasteBracketsPlugin } from './plugins/pasteBracketsPlugin'
import { placeholderPlugin } from './plugins/placeholderPlugin'
import { proposalsPlugin } from './plugins/proposalsPlugin'
import { deleteRequestPlugin } from './plugins/deleteRequestPlugin'
import { structureGuardPlugin } from './plugins/structureGuardPlugin'
import { readerPlugin } from './plugins/readerPlugin'

/** What the editor state is built from. */
export interface EditorSetup {
  fragment: Y.XmlFragment
  awareness: Awareness
  leaveEditor: () => void
  /** Whether this person may change the text; a reader's state has a caret but no editing. */
  editable: boolean
}

/**
 * The editor state of a text room: bound to the shared fragment, showing others' cursors,
 * undoing only the local user's edits, with the structure keys and id repair, the labels and
 * square brackets of the text as the exports print them, the proposals of the register shown in
 * brackets, and the notes one may read highlighted.
 */
export function createEditorState({ fragment, awareness, leaveEditor, editable }: EditorSetup) {
  const shared = [
    ySyncPlugin(fragment),
    cursorsPlugin(awareness, { share: editable }),
    articlePresencePlugin(awareness),
    labelsPlugin(),
    bracketsPlugin(),
    proposalsPlugin(),
    annotationsPlugin({ focusable: !editable }),
  ]
  if (!editable) {
    // A reader's client must never write: even the id repair would be a refused edit.
    return EditorState.create({ schema: treatySchema, plugins: [readerPlugin(), ...shared] })
  }
  return EditorState.create({
    schema: treatySchema,
    plugins: [
      ...shared,
      // Undo keeps a clause that still holds text (perhaps typed by someone else) rather than
      // deleting it with the local edit that created it.
      yUndoPlugin({ protectedNodes: new Set<string>(CLAUSE_TYPES) }),
      ...editorKeymaps(EDITOR_ACTIONS, leaveEditor),
      alternativeInputPlugin(),
      pasteArticlesPlugin(),
      pasteBracketsPlugin(),
      articleIdsPlugin(),
      placeholderPlugin(),
      deleteRequestPlugin(),
      structureGuardPlugin(),
    ],
  })
}
