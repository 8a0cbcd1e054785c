import { useId, type KeyboardEvent, type ReactNode } from 'react'

/** One tab: its key, its label (perhaps with a count), and what it shows. */
export interface Tab<K extends string> {
  key: K
  label: ReactNode
  panel: ReactNode
}

interface TabsProps<K extends string> {
  label: string
  tabs: Tab<K>[]
  selected: K
  onSelect: (key: K) => void
}

/**
 * Tabs as the ARIA pattern has them: one tab stop, arrow keys (and Home/End) move between the
 * tabs, and the selected one's panel follows. Hidden panels stay mounted, so their state (a
 * reply being typed, a filter) survives a look at the other tab.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect }: TabsProps<K>) {
  const id = useId()
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.key === selected)
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key]
    if (to === undefined) return
    e.preventDefault()
    const next = tabs[(to + tabs.length) % tabs.length]
    if (!next) return
    onSelect(next.key)
    e.currentTarget.ownerDocument.getElementById(`${id}-tab-${next.key}`)?.focus()
  }
  return (
    <div className="tabs">
      <div className="tab-list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${id}-tab-${t.key}`}
            aria-selected={t.key === selected}
            aria-controls={`${id}-panel-${t.key}`}
            tabIndex={t.key === selected ? 0 : -1}
            onClick={() => onSelect(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.key}
          role="tabpanel"
          id={`${id}-panel-${t.key}`}
          aria-labelledby={`${id}-tab-${t.key}`}
          hidden={t.key !== selected}
          className="tab-panel"
        >
          {t.panel}
        </div>
      ))}
    </div>
  )
}
