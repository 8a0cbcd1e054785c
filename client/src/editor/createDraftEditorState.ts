import { baseKeymap } from 'prosemirror-commands'
import { keymap } from 'prosemirror-keymap'
import { EditorState } from 'prosemirror-state'
import { redoCommand, undoCommand, ySyncPlugin, yUndoPlugin } from 'y-prosemirror'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { wordingSchema } from '../../../shared/schema/wordingSchema'
import { bracketsPlugin } from './plugins/bracketsPlugin'
import { cursorsPlugin } from './plugins/cursorsPlugin'
import { wordingLabelsPlugin } from './plugins/labelsPlugin'
import { readerPlugin } from './plugins/readerPlugin'

/** What a draft editor is built from. */
export interface DraftSetup {
  fragment: Y.XmlFragment
  awareness: Awareness
  /** Whether this person may write the draft (its sponsors, while it is a draft). */
  editable: boolean
  /** Escape in the draft: back to the panel's buttons. */
  leaveEditor: () => void
}

/**
 * The editor state of a proposal's wording: the wording schema bound to the draft room's
 * fragment, co-sponsors' carets, clause labels and brackets as in the text, undo of one's own
 * edits, and the plain editing keys.
 */
export function createDraftEditorState({ fragment, awareness, editable, leaveEditor }: DraftSetup) {
  const shared = [
    ySyncPlugin(fragment),
    cursorsPlugin(awareness),
    wordingLabelsPlugin(),
    bracketsPlugin(),
  ]
  if (!editable) {
    return EditorState.create({ schema: wordingSchema, plugins: [readerPlugin(), ...shared] })
  }
  return EditorState.create({
    schema: wordingSchema,
    plugins: [
      ...shared,
      yUndoPlugin(),
      keymap({
        'Mod-z': undoCommand,
        'Mod-Shift-z': redoCommand,
        'Mod-y': redoCommand,
        Escape: () => {
          leaveEditor()
          return true
        },
      }),
      keymap(baseKeymap),
    ],
  })
}
