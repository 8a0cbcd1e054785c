import type { KeyboardEvent, ReactNode } from 'react'
import { ariaKey, formatKey } from '../../editor/actions'
import type { TextMode } from '../../editor/plugins/proposalsPlugin'

/** The shortcut of "Propose amendment" (works in the text, read-only or not). */
export const PROPOSE_KEY = 'Mod-Alt-a'
/** The shortcut of "Propose a new article". */
export const PROPOSE_ARTICLE_KEY = 'Mod-Alt-n'

const MODES: { mode: TextMode; label: string }[] = [
  { mode: 'clean', label: 'Clean text' },
  { mode: 'brackets', label: 'Text with brackets' },
  { mode: 'proposals', label: 'Proposals only' },
]

interface ProposalsBarProps {
  mode: TextMode
  onMode: (mode: TextMode) => void
  /** Null when this person may not propose (observers, campaigners). */
  onPropose: (() => void) | null
  onProposeArticle: (() => void) | null
  /** Why "Propose amendment" did not start (no words selected, …). */
  problem: string | null
  /** More buttons for the same bar (a campaigner's "Annotate"). */
  children?: ReactNode
}

/**
 * The view switch (clean text, text with brackets, proposals only) as a radio group whose
 * arrow keys move the choice, and, for those who may propose, the proposal buttons.
 */
export function ProposalsBar({
  mode,
  onMode,
  onPropose,
  onProposeArticle,
  problem,
  children,
}: ProposalsBarProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key]
    if (step === undefined) return
    e.preventDefault()
    const at = MODES.findIndex((m) => m.mode === mode)
    const next = MODES[(at + step + MODES.length) % MODES.length]
    if (!next) return
    onMode(next.mode)
    e.currentTarget.querySelector<HTMLElement>(`[data-mode="${next.mode}"]`)?.focus()
  }
  return (
    <div className="proposals-bar">
      <div className="segmented" role="radiogroup" aria-label="Show" onKeyDown={onKeyDown}>
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            role="radio"
            aria-checked={mode === m.mode}
            tabIndex={mode === m.mode ? 0 : -1}
            data-mode={m.mode}
            onClick={() => onMode(m.mode)}
          >
            {m.label}
          </button>
        ))}
      </div>
      {onPropose && (
        <button
          type="button"
          className="tool tool-propose"
          aria-keyshortcuts={ariaKey(PROPOSE_KEY)}
          title={`Propose an amendment to the selected words (${formatKey(PROPOSE_KEY)})`}
          // Keep the selection in the text: it is what the amendment is anchored to.
          onMouseDown={(e) => e.preventDefault()}
          onClick={onPropose}
        >
          <span className="tool-label">Propose amendment</span>
          <kbd className="tool-key">{formatKey(PROPOSE_KEY)}</kbd>
        </button>
      )}
      {onProposeArticle && (
        <button
          type="button"
          className="tool tool-propose"
          aria-keyshortcuts={ariaKey(PROPOSE_ARTICLE_KEY)}
          title={`Propose a new article after this one (${formatKey(PROPOSE_ARTICLE_KEY)})`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={onProposeArticle}
        >
          <span className="tool-label">Propose article</span>
          <kbd className="tool-key">{formatKey(PROPOSE_ARTICLE_KEY)}</kbd>
        </button>
      )}
      {children}
      {problem && (
        <span className="proposals-bar-problem" role="status">
          {problem}
        </span>
      )}
    </div>
  )
}
