import type { Node } from 'prosemirror-model'
import { TextSelection, type Command, type Transaction } from 'prosemirror-state'
import { treatySchema } from '../../../../shared/schema'
import { articleAt } from '../articles'
import { bracketAt, commonMarks, newId, type BracketRun } from '../bracketRanges'
import { writingAlternative } from '../plugins/alternativeInputPlugin'

const bracket = treatySchema.marks.bracket!

// Square brackets are structure (the `bracket` mark), never characters: every command here adds,
// changes or removes marks, or deletes the words they cover, so each leaves a valid document and
// arrives at the others as one Yjs update.

/**
 * Brackets the selected words as a new span (a fresh id): inside other brackets it nests, and
 * across clauses of one article every clause's words carry the same id. Spaces at either edge of
 * the selection stay outside. False for an empty selection, one across articles, or one without
 * words that may carry brackets (a title).
 */
export const bracketSelection: Command = (state, dispatch) => {
  const { $from, $to, empty } = state.selection
  if (empty || $from.depth < 1 || $to.depth < 1 || $from.index(0) !== $to.index(0)) return false
  let { from, to } = state.selection
  const charAt = (pos: number) => state.doc.textBetween(pos, pos + 1, '\n', '\n')
  while (from < to && /\s/.test(charAt(from))) from += 1
  while (to > from && /\s/.test(charAt(to - 1))) to -= 1
  let words = false
  state.doc.nodesBetween(from, to, (node, _pos, parent) => {
    if (node.isInline && parent?.type.allowsMarkType(bracket)) words = true
    return !words
  })
  if (!words) return false
  if (dispatch) {
    const tr = state.tr.addMark(from, to, bracket.create({ id: newId('b'), alt: 0 }))
    dispatch(tr.setSelection(TextSelection.create(tr.doc, from, to)).scrollIntoView())
  }
  return true
}

/** Puts the article at the cursor in square brackets ("[Article 3bis]"), or takes them off. */
export const toggleArticleBracket: Command = (state, dispatch) => {
  const at = articleAt(state)
  if (!at) return false
  if (dispatch) dispatch(state.tr.setNodeAttribute(at.pos, 'bracketed', !at.node.attrs.bracketed))
  return true
}

/**
 * Adds an alternative to the bracketed span at the cursor, right after the alternative the cursor
 * is in: "[shall]" becomes "[shall][shall]" with the new copy selected, so that the chair types
 * the other wording over it (marks need words to sit on; a copy is also the quickest start for a
 * variant). Later alternatives move up by one. `alternativeInputPlugin` keeps what is typed there
 * inside the new alternative.
 */
export const addAlternative: Command = (state, dispatch) => {
  const at = bracketAt(state)
  if (!at) return false
  if (dispatch) {
    const tr = state.tr
    for (const r of at.runs) {
      if (r.alt <= at.alt) continue
      tr.removeMark(r.from, r.to, r.mark)
      tr.addMark(r.from, r.to, bracket.create({ id: at.id, alt: r.alt + 1 }))
    }
    const alt = at.alt + 1
    // The copy carries the brackets around the whole alternative (and its emphasis), not the
    // ones nested inside it, which would otherwise stand twice with one id.
    const marks = commonMarks(state.doc, at.run.from, at.run.to).map((m) =>
      m.eq(at.run.mark) ? bracket.create({ id: at.id, alt }) : m,
    )
    const words = state.doc.textBetween(at.run.from, at.run.to, ' ', '') || '…'
    tr.insert(at.run.to, treatySchema.text(words, marks))
    tr.setSelection(TextSelection.create(tr.doc, at.run.to, at.run.to + words.length))
    dispatch(writingAlternative(tr, at.id, alt).scrollIntoView())
  }
  return true
}

/**
 * Cleaning, keeping the words: the bracket at the cursor goes and its words stay; when it holds
 * alternatives, the one at the cursor stays and the others are deleted.
 */
export const cleanKeep: Command = (state, dispatch) => {
  const at = bracketAt(state)
  if (!at) return false
  if (dispatch) {
    const tr = state.tr
    for (const r of at.runs) if (r.alt === at.alt) tr.removeMark(r.from, r.to, r.mark)
    deleteRuns(
      tr,
      at.runs.filter((r) => r.alt !== at.alt),
    )
    dispatch(tr.scrollIntoView())
  }
  return true
}

/**
 * Cleaning, deleting the words: the bracket at the cursor goes with everything it holds (every
 * alternative); a clause it covered whole goes too.
 */
export const cleanDelete: Command = (state, dispatch) => {
  const at = bracketAt(state)
  if (!at) return false
  if (dispatch) {
    const tr = state.tr
    deleteRuns(tr, at.runs)
    dispatch(tr.scrollIntoView())
  }
  return true
}

// Deletes runs (from the last, so earlier positions hold), a clause of an article or option
// whose whole text was the run with it, then one of two spaces left side by side, or a space
// left before punctuation, where each run was.
function deleteRuns(tr: Transaction, runs: BracketRun[]): void {
  const start = tr.steps.length
  for (const r of [...runs].reverse()) {
    const $from = tr.doc.resolve(r.from)
    const clause = $from.parent
    const whole = r.from === $from.start() && r.to === $from.end()
    const holder = $from.depth >= 2 ? $from.node($from.depth - 1).type.name : ''
    if (whole && clause.type.spec.group === 'clause' && holder !== 'preamble') {
      tr.delete($from.before(), $from.after())
    } else tr.delete(r.from, r.to)
  }
  const junctions = runs.map((r) => tr.mapping.slice(start).map(r.from, -1))
  for (const pos of [...new Set(junctions)].sort((a, b) => b - a)) tidySpaces(tr, pos)
}

function tidySpaces(tr: Transaction, pos: number): void {
  const $pos = tr.doc.resolve(pos)
  if (!$pos.parent.inlineContent) return
  const before = lastChar($pos.nodeBefore)
  const after = firstChar($pos.nodeAfter)
  if (before === ' ' && (after === ' ' || /^[,.;:)]$/.test(after))) tr.delete(pos - 1, pos)
  else if (before === '' && after === ' ' && $pos.parentOffset === 0) tr.delete(pos, pos + 1)
}

const lastChar = (node: Node | null | undefined) =>
  node?.isText ? (node.text ?? '').slice(-1) : ''
const firstChar = (node: Node | null | undefined) =>
  (node?.isText ? (node.text ?? '')[0] : '') ?? ''
