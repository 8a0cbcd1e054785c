import { openSearch } from './searchStore'

/** The top bar's "Search" button (Ctrl+K does the same). */
export function SearchButton() {
  return (
    <button
      type="button"
      className="search-button"
      aria-keyshortcuts="Control+K"
      title="Search (Ctrl+K)"
      onClick={() => openSearch()}
    >
      Search <kbd>Ctrl K</kbd>
    </button>
  )
}
