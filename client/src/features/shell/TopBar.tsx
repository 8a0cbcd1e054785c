import { useId, type MouseEvent, type ReactNode } from 'react'
import { linkTo, type Navigate } from '../../useRoute'
import './shell.css'
import { useDrawers } from './useDrawers'

interface TopBarProps {
  navigate: Navigate
  /** The negotiation's name, beside the brand; absent on the list of negotiations. */
  title?: string
  /** Navigation, status and who-am-I, right of the title. */
  children?: ReactNode
  /** Shown beside the title, outside the menu, at every width (the sync indicator). */
  status?: ReactNode
}

/**
 * The bar across the top of every signed-in page: Plenary, where you are, and who you are. On a
 * narrow screen everything right of the title but the status folds into a menu behind one button.
 */
export function TopBar({ navigate, title, children, status }: TopBarProps) {
  const menuId = useId()
  const menu = useDrawers({ menu: menuId })
  // Going to another view closes the menu, as leaving a page would; so does opening Search.
  const onMenuClick = (e: MouseEvent<HTMLElement>) => {
    if ((e.target as Element).closest('a.view-link, .search-button')) menu.close(false)
  }
  return (
    <header className="topbar">
      <a className="brand" href="/" onClick={linkTo(navigate, { page: 'picker' })}>
        Plenary
      </a>
      {title !== undefined && (
        <>
          <span className="crumb" aria-hidden="true">
            /
          </span>
          <h1 className="negotiation-name">{title}</h1>
        </>
      )}
      {title === undefined && <span className="topbar-spacer" />}
      {status}
      <button type="button" className="topbar-menu-button" {...menu.button('menu')}>
        Menu
      </button>
      <div className="topbar-menu" {...menu.drawer('menu')} onClick={onMenuClick}>
        {children}
      </div>
      <div {...menu.backdrop} className="topbar-backdrop" />
    </header>
  )
}
