import type { Mark, Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'

/** A run of inline content carrying one bracket mark: one alternative of a span, in one clause. */
export interface BracketRun {
  from: number
  to: number
  alt: number
  mark: Mark
}

/** A top-level node of the document (an article, the preamble) with its position. */
export interface Container {
  node: Node
  pos: number
}

/** The bracketed span the cursor is in: its id, the alternative at the cursor, all its runs. */
export interface BracketAt {
  id: string
  alt: number
  container: Container
  /** Every run of the span in the container, in document order. */
  runs: BracketRun[]
  /** The run holding the cursor. */
  run: BracketRun
}

const isBracket = (m: Mark) => m.type.name === 'bracket'

/** The top-level node holding `pos`, or null at the document's own level. */
export function containerAt(doc: Node, pos: number): Container | null {
  const $pos = doc.resolve(pos)
  if ($pos.depth < 1) return null
  return { node: $pos.node(1), pos: $pos.before(1) }
}

/**
 * The runs of bracket `id` in a container, in order; neighbouring pieces of one alternative in
 * one clause are one run (text split by emphasis or a footnote stays one alternative).
 */
export function bracketRuns(container: Container, id: string): BracketRun[] {
  const runs: BracketRun[] = []
  container.node.descendants((node, offset) => {
    if (!node.isInline) return true
    const mark = node.marks.find((m) => isBracket(m) && m.attrs.id === id)
    if (!mark) return false
    const from = container.pos + 1 + offset
    const to = from + node.nodeSize
    const last = runs[runs.length - 1]
    if (last && last.to === from && last.alt === mark.attrs.alt) last.to = to
    else runs.push({ from, to, alt: Number(mark.attrs.alt), mark })
    return false
  })
  return runs
}

const size = (runs: BracketRun[]) => runs.reduce((n, r) => n + r.to - r.from, 0)

/**
 * The innermost bracketed span at the selection: for a caret, the brackets of the words before
 * it (so a caret just after "[shall]" is in it), then those after; for a range, those of its
 * first words. Null outside brackets.
 */
export function bracketAt(state: EditorState): BracketAt | null {
  const { $from, empty } = state.selection
  if (!$from.parent.inlineContent) return null
  const container = containerAt(state.doc, $from.pos)
  if (!container) return null
  const candidates = new Map<string, number>()
  const pieces = empty ? [$from.nodeBefore, $from.nodeAfter] : [$from.nodeAfter]
  for (const piece of pieces) {
    for (const m of piece?.marks ?? []) {
      const id = String(m.attrs.id)
      if (isBracket(m) && !candidates.has(id)) candidates.set(id, Number(m.attrs.alt))
    }
  }
  let best: BracketAt | null = null
  for (const [id, alt] of candidates) {
    const runs = bracketRuns(container, id)
    const run = runs.find((r) => r.alt === alt && r.from <= $from.pos && $from.pos <= r.to)
    if (!run) continue
    if (!best || size(runs) < size(best.runs)) best = { id, alt, container, runs, run }
  }
  return best
}

/** The marks every inline node between `from` and `to` carries. */
export function commonMarks(doc: Node, from: number, to: number): readonly Mark[] {
  let common: readonly Mark[] | null = null
  doc.nodesBetween(from, to, (node) => {
    if (!node.isInline) return true
    common = common === null ? node.marks : common.filter((m) => m.isInSet(node.marks))
    return false
  })
  return common ?? []
}

/** A fresh id for a bracketed span or an option block: a prefix and eight base-36 characters. */
export function newId(prefix: 'b' | 'opt'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return `${prefix}-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`
}
