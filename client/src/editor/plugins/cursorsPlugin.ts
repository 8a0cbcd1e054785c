import { yCursorPlugin } from 'y-prosemirror'
import type { Awareness } from 'y-protocols/awareness'

/** Builds the caret of another user: a coloured bar with their name above it. */
function buildCursor(user: { name?: string; color?: string }): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'remote-caret'
  caret.style.setProperty('--user-color', user.color ?? '#555555')
  const label = document.createElement('span')
  label.className = 'remote-caret-label'
  label.textContent = user.name ?? 'Someone'
  // Screen readers get the caret's meaning, not a stray name in the middle of a sentence.
  label.setAttribute('aria-hidden', 'true')
  caret.append('\u2060', label, '\u2060')
  return caret
}

/** Named, coloured carets and selections of the other users in the room. */
export const cursorsPlugin = (awareness: Awareness) =>
  yCursorPlugin(awareness, {
    cursorBuilder: buildCursor,
    selectionBuilder: (user: { color?: string }) => ({
      class: 'remote-selection',
      style: `background-color: ${user.color ?? '#555555'}33`,
    }),
  })
