import type { ReactNode } from 'react'
import type { DrawerButtonProps } from './useDrawers'

interface DrawerBarProps {
  /** The button of the outline's drawer, e.g. "Articles". */
  outline: DrawerButtonProps & { label: string }
  /** Where the reader is, between the buttons ("Art. 2 · Definitions"). */
  where?: ReactNode
  /** The button of the panel's drawer, e.g. "Proposals & notes"; none if the page has no panel. */
  panel?: DrawerButtonProps & { label: string }
}

/** On a narrow screen, the bar above a page's content whose buttons open its side panels. */
export function DrawerBar({ outline, where, panel }: DrawerBarProps) {
  const { label: outlineLabel, ...outlineButton } = outline
  const { label: panelLabel, ...panelButton } = panel ?? { label: '' }
  return (
    <div className="drawer-bar">
      <button type="button" className="drawer-button" {...outlineButton}>
        {outlineLabel}
      </button>
      <span className="drawer-bar-where">{where}</span>
      {panel && (
        <button type="button" className="drawer-button drawer-panel-button" {...panelButton}>
          {panelLabel}
        </button>
      )}
    </div>
  )
}
