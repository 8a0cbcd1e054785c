import type { ReactNode } from 'react'
import { linkTo, type Navigate } from '../../useRoute'

interface TopBarProps {
  navigate: Navigate
  /** The negotiation's name, beside the brand; absent on the list of negotiations. */
  title?: string
  /** Navigation, status and who-am-I, right of the title. */
  children?: ReactNode
}

/** The bar across the top of every signed-in page: Plenary, where you are, and who you are. */
export function TopBar({ navigate, title, children }: TopBarProps) {
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
      {children}
    </header>
  )
}
