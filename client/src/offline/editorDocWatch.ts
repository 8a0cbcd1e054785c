// A test's window on how a room's editor holds its document: e2e tests set
// `window.__plenaryEditorDocs = {}` before the app loads (page.addInitScript) and read, per room,
// whether the editor edits the provider's document itself and how often a copy was made for it.
// Without it, noting is one property lookup per publication of a room.

/** How a room's editor holds its document. */
export interface EditorDocState {
  /** The editor edits the provider's document (no second copy). */
  shared: boolean
  /** Copies of the server's document made for the editor so far (forks going offline). */
  copies: number
}

declare global {
  interface Window {
    /** Per room name, when a test asks for it. */
    __plenaryEditorDocs?: Record<string, EditorDocState>
  }
}

/** Notes how `room`'s editor holds its document now, if a test is watching. */
export function noteEditorDoc(room: string, state: EditorDocState): void {
  const watched = window.__plenaryEditorDocs
  if (watched) watched[room] = state
}
