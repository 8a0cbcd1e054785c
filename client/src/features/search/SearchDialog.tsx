import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { SEARCH_KINDS, type SearchKind } from '../../../../shared/domain/search/query'
import type { SearchHit } from '../../../../shared/domain/search/results'
import type { Navigate } from '../../useRoute'
import { hasFrozenText, listRounds, type RoundState } from '../rounds/roundsApi'
import { MarkedText } from './MarkedText'
import { KIND_LABELS, groupLabel, hitLabel } from './searchLabels'
import { closeSearch, openSearch, requestJump, useSearchUi } from './searchStore'
import { useSearchResults } from './useSearchResults'
import './search.css'

interface SearchDialogProps {
  negotiationId: string
  navigate: Navigate
}

/**
 * The search dialog (Ctrl+K anywhere in a negotiation, Ctrl+F in the text): a query box, the
 * round and kinds to search, and the hits grouped by article; arrows move through the hits,
 * Enter shows one (events on the History page, the rest on the text page), Escape closes and
 * gives the focus back to where it was.
 */
export function SearchDialog({ negotiationId, navigate }: SearchDialogProps) {
  const ui = useSearchUi()
  const id = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  const [q, setQ] = useState('')
  const [round, setRound] = useState('current')
  const [kinds, setKinds] = useState<SearchKind[]>([...SEARCH_KINDS])
  // The highlighted hit, by index into the hits of the answer it was chosen in.
  const [chosen, setChosen] = useState<{ of: unknown; index: number }>({ of: null, index: 0 })
  const [rounds, setRounds] = useState<RoundState[]>([])
  const { results, error, busy } = useSearchResults(negotiationId, { q, round, kinds })
  const hits = useMemo(() => results?.groups.flatMap((g) => g.hits) ?? [], [results])
  const active = chosen.of === results ? chosen.index : 0
  const setActive = (index: number) => setChosen({ of: results, index })
  // Each opening starts from its preset (Ctrl+F: the current text only).
  const [openings, setOpenings] = useState(ui.openings)
  if (openings !== ui.openings) {
    setOpenings(ui.openings)
    setRound(ui.preset.round ?? 'current')
    setKinds(ui.preset.kinds ?? [...SEARCH_KINDS])
  }

  useKeyOpens()
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (ui.open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null
      dialog.showModal()
      inputRef.current?.select()
      listRounds(negotiationId).then(
        (all) => setRounds(all.filter(hasFrozenText)),
        () => {},
      )
    }
    if (!ui.open && dialog.open) {
      dialog.close()
      // Only once the modal is closed can anything behind it take the focus. A hit shown
      // moves it on; else it goes back to the opener, or, if that folded away with the top
      // bar's menu (a phone), to the menu's button.
      if (!ui.jump) {
        const back = opener.current?.checkVisibility() ? opener.current : null
        ;(back ?? document.querySelector<HTMLElement>('.topbar-menu-button'))?.focus()
      }
    }
  }, [ui.open, ui.openings, ui.jump, negotiationId])

  const cancel = () => closeSearch()
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return
    if (hit.kind === 'text' && results && results.round !== 'current') {
      // A closed round's words are shown in that round's frozen text, not in today's.
      closeSearch()
      return navigate({
        page: 'negotiation',
        id: negotiationId,
        view: 'rounds',
        roundId: results.round,
      })
    }
    if (hit.kind === 'events') {
      closeSearch()
      const articleId = hit.jump.articleId ?? undefined
      return navigate({ page: 'negotiation', id: negotiationId, view: 'history', articleId })
    }
    requestJump(hit)
    navigate({ page: 'negotiation', id: negotiationId, view: 'text' })
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const last = hits.length - 1
    const move = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: last }[e.key]
    if (move !== undefined && hits.length > 0 && (e.key.startsWith('Arrow') || e.ctrlKey)) {
      e.preventDefault()
      const next = Math.max(0, Math.min(last, move))
      setActive(next)
      document.getElementById(`${id}-hit-${next}`)?.scrollIntoView({ block: 'nearest' })
    } else if (e.key === 'Escape') {
      // Closes at once, even with words typed (a search field would only clear them).
      e.preventDefault()
      cancel()
    } else if (e.key === 'Enter') {
      e.preventDefault()
      choose(hits[active])
    }
  }
  const toggleKind = (kind: SearchKind) =>
    setKinds((ks) =>
      ks.includes(kind) ? (ks.length > 1 ? ks.filter((k) => k !== kind) : ks) : [...ks, kind],
    )

  let index = -1
  return (
    <dialog
      ref={dialogRef}
      className="dialog search-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault()
        cancel()
      }}
      onClick={(e) => e.target === dialogRef.current && cancel()}
    >
      <h2 id={`${id}-title`}>Search</h2>
      <input
        ref={inputRef}
        className="search-input"
        type="text"
        enterKeyHint="search"
        role="combobox"
        aria-label="Search for"
        aria-expanded={hits.length > 0}
        aria-controls={`${id}-hits`}
        aria-activedescendant={hits.length > 0 ? `${id}-hit-${active}` : undefined}
        aria-autocomplete="list"
        maxLength={200}
        placeholder="Words of the text, proposals, positions, notes, history…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <fieldset className="search-filters">
        <legend className="visually-hidden">Where to search</legend>
        <label>
          Text of{' '}
          <select value={round} onChange={(e) => setRound(e.target.value)}>
            <option value="current">the current round</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.snapshotName ?? r.name}
              </option>
            ))}
          </select>
        </label>
        {SEARCH_KINDS.map((kind) => (
          <label key={kind} className="search-kind">
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={() => toggleKind(kind)}
            />
            {KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <p className="search-status" role="status">
        {error ??
          (busy
            ? 'Searching…'
            : results && q.trim()
              ? hits.length === 0
                ? 'Nothing found.'
                : `${hits.length} found. Arrows move, Enter shows, Escape closes.`
              : '')}
      </p>
      <div
        className="search-hits"
        id={`${id}-hits`}
        // A listbox needs options: until there are hits it is only a place for them.
        {...(hits.length > 0 ? { role: 'listbox', 'aria-label': 'Found' } : {})}
      >
        {results?.groups.map((g) => (
          <div key={g.articleId ?? 'none'} role="group" aria-label={groupLabel(g)}>
            <div className="search-group-title" aria-hidden="true">
              {groupLabel(g)}
            </div>
            {g.hits.map((hit) => {
              index += 1
              const i = index
              return (
                <div
                  key={`${hit.kind}-${hit.id}-${i}`}
                  id={`${id}-hit-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className="search-hit"
                  data-kind={hit.kind}
                  onMouseMove={() => setActive(i)}
                  onClick={() => choose(hit)}
                >
                  <span className="search-hit-kind">{hitLabel(hit)}</span>
                  {hit.title.text && (
                    <span className="search-hit-title">
                      <MarkedText value={hit.title} />
                    </span>
                  )}
                  <span className="search-hit-snippet">
                    <MarkedText value={hit.snippet} />
                  </span>
                </div>
              )
            })}
          </div>
        ))}
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={cancel}>
          Close
        </button>
      </div>
    </dialog>
  )
}

// Ctrl+K (Cmd+K on a Mac) opens the dialog from anywhere in the negotiation.
function useKeyOpens() {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        openSearch()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
