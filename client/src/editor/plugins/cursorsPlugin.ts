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

// The awareness as the cursor plugin sees it when the local selection is not to be shared: it
// still reads everyone's carets, but its own caret and selection never leave the browser.
const receiveOnly = (awareness: Awareness): Awareness =>
  ({
    getStates: () => awareness.getStates(),
    getLocalState: () => awareness.getLocalState(),
    on: (event: 'change', listener: () => void) => awareness.on(event, listener),
    off: (event: 'change', listener: () => void) => awareness.off(event, listener),
    setLocalStateField: () => {},
  }) as unknown as Awareness

/**
 * Named, coloured carets and selections of the other users in the room. With `share` false (a
 * reader's text: a campaigner, a delegate, an observer) the local selection is not sent, so
 * that the words a campaigner annotates or a delegation drafts on are not shown to everyone.
 */
export const cursorsPlugin = (awareness: Awareness, { share = true }: { share?: boolean } = {}) =>
  yCursorPlugin(share ? awareness : receiveOnly(awareness), {
    // Its own caret is the one under the provider's presence id: a chair's editor document is
    // not the provider's once it has been offline (client/src/offline/OfflineRoom.ts), so the
    // document's id would not do.
    awarenessStateFilter: (_docClientId: number, clientId: number) =>
      clientId !== awareness.clientID,
    cursorBuilder: buildCursor,
    selectionBuilder: (user: { color?: string }) => ({
      class: 'remote-selection',
      style: `background-color: ${user.color ?? '#555555'}33`,
    }),
  })
