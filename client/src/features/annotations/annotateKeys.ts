import type { KeyboardEvent } from 'react'

/** The shortcut of "Annotate" on the selected words (works in the read-only text too). */
export const ANNOTATE_KEY = 'Mod-Alt-m'

/** Whether a key press is the annotate shortcut, matched on the physical key (Alt alters it). */
export const matchesAnnotateKey = (e: KeyboardEvent): boolean =>
  (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && e.code === 'KeyM'
