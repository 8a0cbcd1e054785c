import type { Node } from 'prosemirror-model'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import {
  againstCurrent,
  applyOfflineChange,
  changeHeading,
  offlineDiff,
  partOf,
  type OfflineChange,
} from '../../../shared/domain/offlineChanges'
import type { TextDiff } from '../../../shared/domain/diff'
import { counted } from '../features/common/plural'
import { DiffCounts, DiffLegend, DiffView } from '../features/history/DiffView'
import './changeSet.css'

/** What the change set review shows and what its buttons call. */
export interface ChangeSetReviewProps {
  changes: OfflineChange[]
  /** The live main text as the editor has it now (null while it loads). */
  current: Node | null
  /** Whether the person may still edit the text. */
  canApply: boolean
  /** Why not, when `canApply` is false. */
  cannotApplyReason?: string
  onApply: (change: OfflineChange) => void
  onDrop: (change: OfflineChange) => void
  /** Downloads the local copy of the offline edits. */
  onExport: () => void
}

const NO_LONGER_EDITS = 'You may no longer edit the text: export your local copy.'

/** "You changed the preamble and 2 articles while offline." */
export function changeSetIntro(changes: readonly OfflineChange[]): string {
  const articles = changes.filter((c) => c.part.kind === 'article').length
  const parts = [
    ...changes.filter((c) => c.part.kind === 'title').map(() => 'the title'),
    ...changes.filter((c) => c.part.kind === 'preamble').map(() => 'the preamble'),
    ...(articles > 0 ? [counted(articles, 'article')] : []),
  ]
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '')
  return `You changed ${list} while offline.`
}

/** The review section's element id, for the sync status's "to review" button. */
export const CHANGE_SET_ID = 'changes-made-offline'

/** Brings the review into view and puts the focus on its heading. */
export function goToChangeSet(): void {
  const section = document.getElementById(CHANGE_SET_ID)
  section?.scrollIntoView({ block: 'start' })
  section?.querySelector<HTMLElement>('.change-set-heading')?.focus()
}

/**
 * The chair's change set after a time offline (issue 14): per part of the text, the current
 * wording against the one edited offline, with "Apply to the text" or "Drop", and one export of
 * the whole local copy. Nothing goes into the text until the person applies it.
 */
export function ChangeSetReview(props: ChangeSetReviewProps) {
  const { changes, current, canApply } = props
  const id = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  // The entry decided last, so that focus goes on to the next one when the list changes.
  const decided = useRef<number | null>(null)
  const [whole, setWhole] = useState<ReadonlySet<string>>(new Set())

  const entries = useMemo(() => changes.map((c) => readingOf(c, current)), [changes, current])

  useEffect(() => {
    const index = decided.current
    if (index === null) return
    decided.current = null
    const headings = listRef.current?.querySelectorAll<HTMLElement>('.change-set-entry h3')
    const next = headings?.[Math.min(index, headings.length - 1)]
    ;(next ?? headingRef.current)?.focus()
  }, [changes])

  if (changes.length === 0) return null
  const reasonId = `${id}-reason`
  const decide = (index: number, act: () => void) => {
    decided.current = index
    act()
  }

  return (
    <section
      id={CHANGE_SET_ID}
      className="change-set"
      aria-label="Changes made offline"
      data-testid="change-set"
    >
      <h2 className="change-set-heading" ref={headingRef} tabIndex={-1}>
        Changes made offline
      </h2>
      <p className="change-set-intro">
        {changeSetIntro(changes)} Review each change against the current text before it goes in.
      </p>
      {!canApply && (
        <p className="change-set-refused" id={reasonId}>
          {props.cannotApplyReason ?? NO_LONGER_EDITS}
        </p>
      )}
      <div className="change-set-tools">
        <button type="button" className="button" onClick={props.onExport}>
          Export local copy
        </button>
        <DiffLegend />
      </div>
      {current === null && (
        <p className="muted" role="status">
          Reading the current text…
        </p>
      )}
      <div className="change-set-list" ref={listRef}>
        {entries.map(({ change, now, refused, diff }, index) => {
          const hid = `${id}-${index}`
          const note = entryNote(change, now, refused)
          const showAll = whole.has(change.id)
          const changed = diff.paragraphs.filter((p) => p.op !== 'equal')
          const paragraphs = showAll ? diff.paragraphs : changed
          const why = !canApply ? reasonId : refused && note ? `${hid}-note` : null
          return (
            <article
              key={change.id}
              className="change-set-entry"
              aria-labelledby={hid}
              data-testid="offline-change"
              data-change-id={change.id}
              data-change={change.change}
            >
              <header className="change-set-entry-head">
                <h3 id={hid} tabIndex={-1}>
                  {changeHeading(change)}
                </h3>
                <DiffCounts parts={diff.parts} />
              </header>
              {note && (
                <p className={`change-set-note change-set-note-${note.kind}`} id={`${hid}-note`}>
                  {note.text}
                </p>
              )}
              {changed.length < diff.paragraphs.length && (
                <label className="change-set-toggle">
                  <input
                    type="checkbox"
                    checked={showAll}
                    onChange={(e) =>
                      setWhole((w) => {
                        const next = new Set(w)
                        if (e.target.checked) next.add(change.id)
                        else next.delete(change.id)
                        return next
                      })
                    }
                  />
                  Show the unchanged paragraphs too
                </label>
              )}
              <DiffView
                parts={diff.parts}
                paragraphs={paragraphs.length > 0 ? paragraphs : null}
                granularity={diff.granularity}
                label={`${change.label}: the current text → your offline wording`}
              />
              <p className="change-set-actions">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={!canApply || current === null || refused !== null}
                  aria-describedby={why ? `${hid} ${why}` : hid}
                  onClick={() => decide(index, () => props.onApply(change))}
                >
                  Apply to the text
                </button>
                <button
                  type="button"
                  className="button"
                  aria-describedby={hid}
                  onClick={() => decide(index, () => props.onDrop(change))}
                >
                  Drop
                </button>
              </p>
            </article>
          )
        })}
      </div>
    </section>
  )
}

type Refusal = 'part-missing' | 'invalid'

// Each entry's reading of the current text, kept while its part stays the same node: the live
// text changes with every keystroke anywhere, and untouched nodes keep their identity. What
// an entry reads depends only on the change and its part (present or not).
const readings = new WeakMap<OfflineChange, Reading>()

function readingOf(change: OfflineChange, current: Node | null): Reading {
  const part = current ? partOf(current, change.part) : null
  const kept = readings.get(change)
  if (kept && kept.part === part && kept.loaded === (current !== null)) return kept
  const reading: Reading = {
    change,
    part,
    loaded: current !== null,
    now: current ? againstCurrent(change, current) : null,
    refused: current ? refusalOf(applyOfflineChange(current, change)) : null,
    diff: offlineDiff(change, current),
  }
  readings.set(change, reading)
  return reading
}

// One entry as read against the current text.
interface Reading {
  change: OfflineChange
  /** The current text's node of the part (null: none, or no text yet). */
  part: Node | null
  loaded: boolean
  now: ReturnType<typeof againstCurrent> | null
  refused: Refusal | null
  diff: TextDiff
}

const refusalOf = (r: ReturnType<typeof applyOfflineChange>): Refusal | null =>
  r.ok ? null : r.reason

// What an entry says above its diff about the part as the text has it now.
function entryNote(
  change: OfflineChange,
  now: ReturnType<typeof againstCurrent> | null,
  refused: Refusal | null,
): { kind: 'meanwhile' | 'refused' | 'gone'; text: string } | null {
  if (!now) return null
  if (refused === 'part-missing') {
    return {
      kind: 'refused',
      text: 'This article is no longer in the current text: there is nothing to apply it to. Export your local copy to keep its wording.',
    }
  }
  if (refused === 'invalid') {
    return {
      kind: 'refused',
      text: 'This change cannot go into the current text as it is. Export your local copy to keep its wording.',
    }
  }
  if (change.change === 'deleted' && !now.current) {
    return { kind: 'gone', text: 'Already deleted from the current text: nothing to apply.' }
  }
  if (!now.changedMeanwhile) return null
  return {
    kind: 'meanwhile',
    text: 'Changed on the server since you went offline: compare with the current wording below.',
  }
}
