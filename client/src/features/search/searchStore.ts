import { useSyncExternalStore } from 'react'
import type { SearchKind } from '../../../../shared/domain/search/query'
import type { SearchHit } from '../../../../shared/domain/search/results'

/** How the dialog opens: all kinds, or (Ctrl+F in the text) only the current text. */
export interface SearchPreset {
  kinds?: SearchKind[]
  round?: string
}

/** Whether the search dialog is open, how it was opened, and a hit waiting for the text page. */
export interface SearchUi {
  open: boolean
  preset: SearchPreset
  /** Grows with every opening, so that the dialog resets its filters to the preset. */
  openings: number
  /** A hit chosen in the dialog, for the text page to show once its editor is ready. */
  jump: SearchHit | null
}

// One dialog per page: the top bar's button, Ctrl+K, Ctrl+F in the text and the text page's
// jump all meet here without threading callbacks through the page.
let ui: SearchUi = { open: false, preset: {}, openings: 0, jump: null }
const listeners = new Set<() => void>()
const set = (next: Partial<SearchUi>) => {
  ui = { ...ui, ...next }
  listeners.forEach((l) => l())
}
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Opens the search dialog, with its filters set to `preset`. */
export const openSearch = (preset: SearchPreset = {}): void =>
  set({ open: true, preset, openings: ui.openings + 1 })

/** Closes the search dialog. */
export const closeSearch = (): void => set({ open: false })

/** Hands a hit to the text page, which shows it once its editor is ready. */
export const requestJump = (hit: SearchHit): void => set({ open: false, jump: hit })

/** Forgets the hit once shown. */
export const jumpDone = (hit: SearchHit): void => {
  if (ui.jump === hit) set({ jump: null })
}

/** The search dialog's state, re-rendering on change. */
export const useSearchUi = (): SearchUi => useSyncExternalStore(subscribe, () => ui)
