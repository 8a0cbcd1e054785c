import { forwardRef, useCallback, useState, type KeyboardEvent } from 'react'
import type { EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { ariaKey, formatKey, type EditorAction } from '../../editor/actions'
import { currentClauseType } from '../../editor/commands/clauseCommands'
import { useEditorSelector, type EditorStateStore } from '../../editor/editorStateStore'

interface ToolbarProps {
  actions: EditorAction[]
  /** The editor's state: the toolbar re-renders when a button's state changes, not per key. */
  store: EditorStateStore
  view: EditorView | null
}

const GROUP_LABELS: Record<EditorAction['group'], string> = {
  history: 'History',
  article: 'Article',
  clause: 'Paragraph',
  brackets: 'Brackets',
  options: 'Options',
}

const ACTIVE_FOR: Record<string, string> = {
  numbered: 'numbered_paragraph',
  unnumbered: 'paragraph',
  subparagraph: 'subparagraph',
  item: 'item',
}

/**
 * The structure commands as buttons, each with its shortcut shown. One tab stop (arrow keys
 * move between buttons, as in the ARIA toolbar pattern); Escape returns to the text.
 */
export const Toolbar = forwardRef<HTMLDivElement, ToolbarProps>(function Toolbar(
  { actions, store, view },
  ref,
) {
  const [focusIndex, setFocusIndex] = useState(0)
  // Which buttons are enabled and which clause type is current, as one string that a keystroke
  // seldom changes.
  const shown = useEditorSelector(
    store,
    useCallback(
      (state: EditorState | null) =>
        state
          ? `${currentClauseType(state) ?? ''}|${actions.map((a) => (a.run(state) ? 1 : 0)).join('')}`
          : null,
      [actions],
    ),
  )
  const clauseType = shown ? shown.slice(0, shown.indexOf('|')) || null : null
  // One flag per action, in the order of `actions`.
  const enabledFlags = shown ? shown.slice(shown.indexOf('|') + 1) : ''
  const groups = (['history', 'article', 'clause', 'brackets', 'options'] as const).map(
    (group) => ({
      group,
      actions: actions.filter((a) => a.group === group),
    }),
  )

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button'))
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -at, End: buttons.length - 1 - at }[e.key]
    if (e.key === 'Escape' && view) {
      e.preventDefault()
      view.focus()
    } else if (step !== undefined && at >= 0) {
      e.preventDefault()
      const next = (at + step + buttons.length) % buttons.length
      setFocusIndex(next)
      buttons[next]?.focus()
    }
  }

  let index = -1
  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label="Structure of the text"
      ref={ref}
      onKeyDown={onKeyDown}
    >
      {groups.map(({ group, actions: groupActions }) => (
        <div className="toolbar-group" role="group" aria-label={GROUP_LABELS[group]} key={group}>
          {groupActions.map((action) => {
            index += 1
            const enabled = enabledFlags[actions.indexOf(action)] === '1'
            const pressed = ACTIVE_FOR[action.id]
            return (
              <button
                key={action.id}
                type="button"
                className="tool"
                tabIndex={index === focusIndex ? 0 : -1}
                aria-disabled={!enabled}
                aria-pressed={pressed ? clauseType === pressed : undefined}
                aria-keyshortcuts={ariaKey(action.key)}
                title={`${action.label} (${formatKey(action.key)})`}
                data-action={action.id}
                // Keep the editor's selection: the click must not move focus out of the text.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  if (!view || !enabled) return
                  action.run(view.state, view.dispatch, view)
                  // Delete opens a dialog that takes focus; every other command returns to the text.
                  if (action.id !== 'delete-article') view.focus()
                }}
              >
                <span className="tool-label">{action.label}</span>
                <kbd className="tool-key">{formatKey(action.key)}</kbd>
              </button>
            )
          })}
        </div>
      ))}
    </div>
  )
})
