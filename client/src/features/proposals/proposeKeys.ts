import type { KeyboardEvent } from 'react'

/**
 * Which proposal shortcut a key press is: Mod-Alt-a (amendment) or Mod-Alt-n (new article).
 * Matched on the physical key, since Alt changes the character typed on some layouts.
 */
export function matchesProposeKey(e: KeyboardEvent): 'amend' | 'article' | null {
  if (!(e.ctrlKey || e.metaKey) || !e.altKey || e.shiftKey) return null
  if (e.code === 'KeyA') return 'amend'
  if (e.code === 'KeyN') return 'article'
  return null
}
