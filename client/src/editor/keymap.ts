import { baseKeymap } from 'prosemirror-commands'
import { keymap } from 'prosemirror-keymap'
import type { Plugin } from 'prosemirror-state'
import { redoCommand } from 'y-prosemirror'
import type { EditorAction } from './actions'
import {
  currentClauseType,
  demoteClause,
  promoteClause,
  splitClause,
} from './commands/clauseCommands'

/**
 * The editor's keys: every structure command at its shortcut, Enter that keeps the clause
 * type, and ProseMirror's base keys underneath.
 */
export function editorKeymaps(actions: EditorAction[], leaveEditor: () => void): Plugin[] {
  const bindings = Object.fromEntries(actions.map((action) => [action.key, action.run]))
  // Ctrl-Y is the redo people on Windows and Linux expect, next to Mod-Shift-Z.
  bindings['Mod-y'] = redoCommand
  bindings['Enter'] = splitClause
  // Inside a clause Tab always (de)indents, even at the deepest level, so that it never throws
  // focus out of the text by surprise; Escape is the way out to the toolbar.
  bindings['Tab'] = (state, dispatch) =>
    demoteClause(state, dispatch) || currentClauseType(state) !== null
  bindings['Shift-Tab'] = (state, dispatch) =>
    promoteClause(state, dispatch) || currentClauseType(state) !== null
  bindings['Escape'] = () => {
    leaveEditor()
    return true
  }
  return [keymap(bindings), keymap(baseKeymap)]
}
