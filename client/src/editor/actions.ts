import type { Command } from 'prosemirror-state'
import { redoCommand, undoCommand } from 'y-prosemirror'
import { insertArticleAfter, moveArticle } from './commands/articleCommands'
import {
  addAlternative,
  bracketSelection,
  cleanDelete,
  cleanKeep,
  toggleArticleBracket,
} from './commands/bracketCommands'
import {
  demoteClause,
  insertParagraph,
  promoteClause,
  setClauseType,
} from './commands/clauseCommands'
import { addOption, deleteOption, keepOption, wrapInOptions } from './commands/optionCommands'
import { requestDeleteArticle } from './plugins/deleteRequestPlugin'

/** A structure command as the toolbar and the keymap both offer it. */
export interface EditorAction {
  id: string
  /** What the button says; also its accessible name together with the shortcut. */
  label: string
  /** The key in prosemirror-keymap notation ("Mod-Alt-1"). */
  key: string
  /** Which toolbar group the button sits in. */
  group: 'history' | 'article' | 'clause' | 'brackets' | 'options'
  run: Command
}

/** Every structure command, in toolbar order. */
export const EDITOR_ACTIONS: EditorAction[] = [
  { id: 'undo', label: 'Undo', key: 'Mod-z', group: 'history', run: undoCommand },
  { id: 'redo', label: 'Redo', key: 'Mod-Shift-z', group: 'history', run: redoCommand },
  {
    id: 'new-article',
    label: 'New article',
    key: 'Mod-Shift-Enter',
    group: 'article',
    run: insertArticleAfter,
  },
  {
    id: 'move-up',
    label: 'Move article up',
    key: 'Alt-Shift-ArrowUp',
    group: 'article',
    run: moveArticle(-1),
  },
  {
    id: 'move-down',
    label: 'Move article down',
    key: 'Alt-Shift-ArrowDown',
    group: 'article',
    run: moveArticle(1),
  },
  {
    id: 'delete-article',
    label: 'Delete article…',
    key: 'Mod-Shift-Backspace',
    group: 'article',
    run: requestDeleteArticle,
  },
  {
    id: 'new-paragraph',
    label: 'New paragraph',
    key: 'Mod-Enter',
    group: 'clause',
    run: insertParagraph,
  },
  {
    id: 'numbered',
    label: '1. Numbered',
    key: 'Mod-Alt-1',
    group: 'clause',
    run: setClauseType('numbered_paragraph'),
  },
  {
    id: 'unnumbered',
    label: 'Unnumbered',
    key: 'Mod-Alt-0',
    group: 'clause',
    run: setClauseType('paragraph'),
  },
  {
    id: 'subparagraph',
    label: '(a) Subparagraph',
    key: 'Mod-Alt-2',
    group: 'clause',
    run: setClauseType('subparagraph'),
  },
  { id: 'item', label: '(i) Item', key: 'Mod-Alt-3', group: 'clause', run: setClauseType('item') },
  { id: 'demote', label: 'Indent', key: 'Tab', group: 'clause', run: demoteClause },
  { id: 'promote', label: 'Outdent', key: 'Shift-Tab', group: 'clause', run: promoteClause },
  // Brackets and options are the chair's cleaning: "[" keys for brackets (never Mod-Alt-[,
  // which is AltGr+[ on many keyboards, i.e. typing a plain "["), Mod-Alt-letters for options.
  { id: 'bracket', label: '[ ] Bracket', key: 'Mod-[', group: 'brackets', run: bracketSelection },
  {
    id: 'alternative',
    label: '][ Alternative',
    key: 'Mod-]',
    group: 'brackets',
    run: addAlternative,
  },
  {
    id: 'clean-keep',
    label: 'Clean: keep',
    key: 'Mod-Shift-[',
    group: 'brackets',
    run: cleanKeep,
  },
  {
    id: 'clean-delete',
    label: 'Clean: delete',
    key: 'Mod-Shift-]',
    group: 'brackets',
    run: cleanDelete,
  },
  {
    id: 'bracket-article',
    label: '[Article]',
    key: 'Mod-Alt-Shift-a',
    group: 'brackets',
    run: toggleArticleBracket,
  },
  {
    id: 'wrap-options',
    label: 'Options',
    key: 'Mod-Alt-o',
    group: 'options',
    run: wrapInOptions,
  },
  {
    id: 'add-option',
    label: 'Add option',
    key: 'Mod-Alt-Shift-o',
    group: 'options',
    run: addOption(true),
  },
  {
    id: 'no-text-option',
    label: '“No text”',
    key: 'Mod-Alt-Shift-n',
    group: 'options',
    run: addOption(false),
  },
  {
    id: 'keep-option',
    label: 'Keep option',
    key: 'Mod-Alt-k',
    group: 'options',
    run: keepOption,
  },
  {
    id: 'delete-option',
    label: 'Delete option',
    key: 'Mod-Alt-Shift-k',
    group: 'options',
    run: deleteOption,
  },
]

const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform)

const KEY_NAMES: Record<string, [mac: string, other: string]> = {
  Mod: ['⌘', 'Ctrl'],
  Alt: ['⌥', 'Alt'],
  Shift: ['⇧', 'Shift'],
  Ctrl: ['⌃', 'Ctrl'],
  ArrowUp: ['↑', '↑'],
  ArrowDown: ['↓', '↓'],
  Backspace: ['⌫', 'Backspace'],
  Enter: ['↩', 'Enter'],
}

/** A key in keymap notation as people read it: "Ctrl+Alt+1" (or "⌘⌥1" on a Mac). */
export function formatKey(key: string): string {
  const parts = key.split('-').map((part) => KEY_NAMES[part]?.[isMac ? 0 : 1] ?? part.toUpperCase())
  return parts.join(isMac ? '' : '+')
}

/** The same key in the notation of the `aria-keyshortcuts` attribute ("Control+Alt+1"). */
export function ariaKey(key: string): string {
  return key
    .split('-')
    .map((part) => (part === 'Mod' ? (isMac ? 'Meta' : 'Control') : part))
    .join('+')
}
