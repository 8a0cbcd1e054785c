import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import type { CleaningCounts } from '../../../../shared/domain/brackets'
import { outlineOf, type ArticleSummary } from '../../../../shared/domain/numbering'
import { articleAt } from '../../editor/articles'
import { notePlacementsOf, type NotePlacements } from '../../editor/plugins/annotationsPlugin'
import { pendingDelete } from '../../editor/plugins/deleteRequestPlugin'
import { placementsOf } from '../../editor/plugins/proposalsPlugin'
import type { Placements } from '../../editor/proposalDecorations'
import { cleaningByArticle } from '../outline/cleaning'

// What the text page reads from the editor's state (with useEditorSelector), each with the
// equality that tells a change of structure from a keystroke that only moves positions: typing
// a word re-renders none of the outline, the counts or the panels (issue 15).

const NO_ARTICLES: ArticleSummary[] = []

/** The outline of the text; `[]` before the editor is there. */
export const selectOutline = (state: EditorState | null): ArticleSummary[] =>
  state ? outlineOf(state.doc) : NO_ARTICLES

/**
 * Same articles, labels, titles and brackets in the same order: the outline did not change.
 * Positions are left out (they move with every keystroke before an article), so an outline kept
 * by this equality holds the positions of when it last changed: look positions up in the state.
 */
export function sameOutline(a: readonly ArticleSummary[], b: readonly ArticleSummary[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!
      return (
        x.id === y.id &&
        x.label === y.label &&
        x.title === y.title &&
        x.number === y.number &&
        x.fixed === y.fixed &&
        x.bracketed === y.bracketed &&
        x.instrument === y.instrument
      )
    })
  )
}

/** Brackets and option blocks left per article id. */
export const selectCleaning = (state: EditorState | null): Map<string, CleaningCounts> =>
  state ? cleaningByArticle(state.doc) : new Map()

/** The same counts for the same articles. */
export function sameCleaning(
  a: ReadonlyMap<string, CleaningCounts>,
  b: ReadonlyMap<string, CleaningCounts>,
): boolean {
  if (a.size !== b.size) return false
  for (const [id, x] of a) {
    const y = b.get(id)
    if (!y || x.brackets !== y.brackets || x.options !== y.options) return false
  }
  return true
}

/** The id of the article holding the caret, or null. */
export const selectCurrentId = (state: EditorState | null): string | null =>
  state ? ((articleAt(state)?.node.attrs.id as string | undefined) ?? null) : null

/** The article the editor asked to delete (its dialog is open), or null. */
export const selectDeleteId = (state: EditorState | null): string | null =>
  state ? pendingDelete(state) : null

/** Whether the editor is there (the text has loaded). */
export const selectHasText = (state: EditorState | null): boolean => state !== null

/**
 * Where the proposals and notes stand in the text, with the document they point into: the
 * panels show the words under each and put them in text order.
 */
export interface Anchors {
  doc: Node | null
  placements: Placements
  notePlacements: NotePlacements
  /** The words of a range of `doc`. */
  wordsAt: (range: { from: number; to: number }) => string
}

const NO_ANCHORS: Anchors = {
  doc: null,
  placements: new Map(),
  notePlacements: new Map(),
  wordsAt: () => '',
}

/** The proposals' and notes' places in the text now. */
export function selectAnchors(state: EditorState | null): Anchors {
  if (!state) return NO_ANCHORS
  const { doc } = state
  return {
    doc,
    placements: placementsOf(state),
    notePlacements: notePlacementsOf(state),
    wordsAt: ({ from, to }) => doc.textBetween(from, to, ' '),
  }
}

/**
 * The same words under each proposal and note, in the same order and overlapping the same way:
 * only their positions moved, and the panels would show the same thing. The kept value's
 * positions and words then belong to its own `doc`, consistently.
 */
export function sameAnchors(a: Anchors, b: Anchors): boolean {
  if (a.placements === b.placements && a.notePlacements === b.notePlacements && a.doc === b.doc)
    return true
  return (
    !!a.doc === !!b.doc &&
    anchorKey(a.placements, a.wordsAt) === anchorKey(b.placements, b.wordsAt) &&
    anchorKey(a.notePlacements, a.wordsAt) === anchorKey(b.notePlacements, b.wordsAt)
  )
}

// Each range's id, words and the rank of its ends among all ends: equal keys mean the same
// words in the same order and overlaps, wherever the ranges now start.
function anchorKey(
  placements: ReadonlyMap<string, { from: number; to: number } | null>,
  wordsAt: Anchors['wordsAt'],
): string {
  const ends = new Set<number>()
  for (const at of placements.values()) if (at) ends.add(at.from).add(at.to)
  const rank = new Map([...ends].sort((x, y) => x - y).map((pos, i) => [pos, i]))
  const parts: string[] = []
  for (const [id, at] of placements)
    parts.push(at ? `${id}:${rank.get(at.from)}:${rank.get(at.to)}:${wordsAt(at)}` : `${id}:-`)
  return parts.join('\u0000')
}
