import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { EditorState } from 'prosemirror-state'

/**
 * The editor's latest state, outside React: the view writes it on every transaction, and each
 * component reads only what it shows (`useEditorSelector`), so that a keystroke re-renders the
 * toolbar but not the page, its outline or its panels (issue 15).
 */
export class EditorStateStore {
  private state: EditorState | null = null
  private readonly listeners = new Set<() => void>()

  /** The state now (null before the view is mounted and after it is gone). */
  readonly get = (): EditorState | null => this.state

  /** Replaces the state and tells every subscriber. */
  set(state: EditorState | null): void {
    if (state === this.state) return
    this.state = state
    for (const listener of this.listeners) listener()
  }

  /** Calls `listener` after every change of the state. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

const none = () => () => {}

/**
 * What `select` makes of the editor's state, re-rendering only when that changes by `equal`
 * (default `Object.is`): a value equal to the last one is the last one, so props built from it
 * stay the same object for memoised children. Pass a stable `select` (a module function or a
 * `useCallback`): a new one is run again at once.
 */
export function useEditorSelector<T>(
  store: EditorStateStore | null,
  select: (state: EditorState | null) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  // What was selected last, from which state and with which function (kept across renders so
  // that an equal value is handed out as the same object).
  const last = useRef<{ state: EditorState | null; select: unknown; value: T } | null>(null)
  const snapshot = useCallback(() => {
    const state = store ? store.get() : null
    const prev = last.current
    if (prev && prev.state === state && prev.select === select) return prev.value
    const next = select(state)
    const value = prev && equal(prev.value, next) ? prev.value : next
    last.current = { state, select, value }
    return value
  }, [store, select, equal])
  return useSyncExternalStore(store ? store.subscribe : none, snapshot, snapshot)
}

const whole = (state: EditorState | null) => state

/** The whole state, re-rendering on every transaction (the toolbar's need). */
export const useEditorState = (store: EditorStateStore | null): EditorState | null =>
  useEditorSelector(store, whole)
