import { useCallback, useEffect, useRef, useState } from 'react'

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'

/** The props of a button that opens a drawer. */
export interface DrawerButtonProps {
  ref: (element: HTMLButtonElement | null) => void
  'aria-expanded': boolean
  'aria-controls': string
  onClick: () => void
}

/** The props of a drawer's element (an aside beside the text on a wide screen). */
export interface DrawerProps {
  ref: (element: HTMLElement | null) => void
  id: string
  'data-open': true | undefined
}

/** Drawers of a page, at most one open, and the ways to open and close them. */
export interface Drawers<K extends string> {
  open: K | null
  button: (key: K) => DrawerButtonProps
  drawer: (key: K) => DrawerProps
  /** Opens a drawer to show something in it, if it is a drawer now (its button is shown). */
  show: (key: K) => void
  /** Closes the open drawer; focus goes back to its button unless `refocus` is false. */
  close: (refocus?: boolean) => void
  /** The props of the backdrop behind an open drawer (a click on it closes the drawer). */
  backdrop: { hidden: boolean; onClick: () => void; className: string }
}

/**
 * Side panels that are drawers on a narrow screen (CSS decides when: on a wide one they are
 * columns, always shown, and nothing here changes them). Opening one moves focus into it;
 * Escape, the backdrop or its button close it, and focus returns to the button.
 */
export function useDrawers<K extends string>(ids: Record<K, string>): Drawers<K> {
  const [open, setOpen] = useState<K | null>(null)
  const buttons = useRef(new Map<K, HTMLButtonElement | null>())
  const drawers = useRef(new Map<K, HTMLElement | null>())
  // Where focus goes when the open drawer closes: its button, or nowhere (an article was chosen).
  const refocusTo = useRef<K | null>(null)

  useEffect(() => {
    if (open) {
      refocusTo.current = open
      const drawer = drawers.current.get(open)
      // The current item if the drawer marks one (the article being read), else the first.
      const target =
        drawer?.querySelector<HTMLElement>('[aria-current]') ??
        drawer?.querySelector<HTMLElement>(FOCUSABLE)
      target?.focus()
      return
    }
    if (refocusTo.current) buttons.current.get(refocusTo.current)?.focus()
    refocusTo.current = null
  }, [open])

  const close = useCallback((refocus = true) => {
    if (!refocus) refocusTo.current = null
    setOpen(null)
  }, [])

  useEffect(() => {
    if (!open) return
    // Escape closes the drawer wherever focus is, unless a dialog above it takes the key.
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return
      close()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open, close])

  const show = useCallback((key: K) => {
    // On a wide screen the panel is a column, always shown, and its drawer button is hidden.
    if (buttons.current.get(key)?.offsetParent) setOpen(key)
  }, [])

  return {
    open,
    show,
    close,
    backdrop: { hidden: open === null, onClick: () => close(), className: 'drawer-backdrop' },
    button: (key) => ({
      ref: (element) => void buttons.current.set(key, element),
      'aria-expanded': open === key,
      'aria-controls': ids[key],
      onClick: () => setOpen((now) => (now === key ? null : key)),
    }),
    drawer: (key) => ({
      ref: (element) => void drawers.current.set(key, element),
      id: ids[key],
      'data-open': open === key || undefined,
    }),
  }
}
