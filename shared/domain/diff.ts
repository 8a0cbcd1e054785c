import {
  blocksOf,
  compareWords,
  paragraphs,
  push,
  tokenize,
  wordsOf,
  type Block,
  type DiffPart,
} from './diffCore'

export { paragraphs, tokenize, type DiffPart }

/**
 * How finely a diff compared: word by word inside paragraphs that correspond; paragraph by
 * paragraph (a changed paragraph shows as deleted and inserted whole) when the word diff passed
 * its limit; or the whole text as one deletion and one insertion when even aligning the
 * paragraphs did.
 */
export type DiffGranularity = 'word' | 'paragraph' | 'text'

/**
 * One paragraph of a diff: the same in both texts, changed word by word (its parts say how),
 * only in the later text, or only in the earlier one.
 */
export interface DiffParagraph {
  op: 'equal' | 'changed' | 'insert' | 'delete'
  parts: DiffPart[]
}

/** A diff and how finely it compared, as flat parts and paragraph by paragraph. */
export interface TextDiff {
  granularity: DiffGranularity
  /** In order, the parts concatenate to the earlier text skipping inserts, the later skipping deletes. */
  parts: DiffPart[]
  /** The same parts grouped by paragraph, in reading order. */
  paragraphs: DiffParagraph[]
}

/** How much work one diff may do before it falls back to a coarser comparison. */
export interface DiffLimits {
  /** Milliseconds the word diffs inside paragraphs may run, together. */
  wordMs: number
  /** Milliseconds aligning the paragraphs may run. */
  paragraphMs: number
  /** At most this many tokens inserted plus deleted in the word diffs, together (none if absent). */
  maxWordEdits?: number
  /** At most this many paragraphs inserted plus deleted (none if absent). */
  maxParagraphEdits?: number
}

// Each phase is one slice of work between two yields of `diffSteps` (the word phase yields
// between paragraphs too), so that a diff never holds the server's event loop for more than
// about 50 ms at a time. The demo's largest article diff (Lima to now) takes about 6 ms; a
// word diff over the whole article took up to 45 ms.
/** The limits a request's diff runs with. */
export const DIFF_LIMITS: DiffLimits = { wordMs: 40, paragraphMs: 20 }

/** Two paragraphs correspond (are diffed word by word) when they keep this share of their words. */
export const SIMILAR = 0.5

// How many later paragraphs of a change a deleted paragraph is compared with to find its partner.
const WINDOW = 8

// The word phase yields once it has worked this long since its last pause.
const SLICE_MS = 10

/**
 * A diff from `a` to `b`: paragraphs (lines) aligned first, then words compared inside each
 * pair of paragraphs that keep at least half their words; a paragraph without such a partner
 * (moved, restructured, new or gone) shows as deleted or inserted whole, never interleaved
 * word by word. Past `limits` the changed paragraphs are replaced whole, then the whole text.
 */
export function diffText(a: string, b: string, limits: DiffLimits = DIFF_LIMITS): TextDiff {
  const steps = diffSteps(a, b, limits)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * `diffText` in slices: it pauses (yields) after each bounded piece of work, so that a server
 * can let other requests run in between, and returns the diff.
 */
export function* diffSteps(
  a: string,
  b: string,
  limits: DiffLimits = DIFF_LIMITS,
): Generator<void, TextDiff, void> {
  if (a === b)
    return result(
      'word',
      paragraphs(a).map((p) => one('equal', 'equal', p)),
    )
  const blocks = blocksOf(
    paragraphs(a),
    paragraphs(b),
    limits.paragraphMs,
    limits.maxParagraphEdits,
  )
  if (!blocks) {
    const whole = [one('delete', 'delete', a), one('insert', 'insert', b)]
    return result(
      'text',
      whole.filter((p) => p.parts.length > 0),
    )
  }
  yield
  const budget = { ms: limits.wordMs, edits: limits.maxWordEdits ?? Infinity, sinceYield: 0 }
  const out: DiffParagraph[] = []
  for (const block of blocks) {
    if ('equal' in block) {
      out.push(...block.equal.map((p) => one('equal', 'equal', p)))
      continue
    }
    for (const step of pairUp(block, budget)) {
      if (step === 'over') return result('paragraph', blocks.flatMap(replacedWhole))
      if (step === 'pause') yield
      else out.push(step)
    }
  }
  return result('word', out)
}

/** The parts of `diffText(a, b, limits)`, for callers that need no granularity. */
export const diffWords = (a: string, b: string, limits: DiffLimits = DIFF_LIMITS): DiffPart[] =>
  diffText(a, b, limits).parts

interface Budget {
  ms: number
  edits: number
  sinceYield: number
}

// A change of paragraphs as paragraphs of the diff: each deleted paragraph looks for a partner
// among the next inserted ones, in order; a pair that keeps enough words is diffed word by
// word, and the rest are deleted and inserted whole. 'over' when the word budget ran out,
// 'pause' when the caller should let others run.
function* pairUp(
  block: { deleted: string[]; inserted: string[] },
  budget: Budget,
): Generator<DiffParagraph | 'over' | 'pause'> {
  const { deleted, inserted } = block
  let next = 0
  for (const old of deleted) {
    let paired: DiffParagraph | null = null
    const oldWords = bag(wordsOf(old))
    let at = next
    for (; at < Math.min(inserted.length, next + WINDOW) && !paired; at++) {
      const candidate = inserted[at] as string
      if (dice(oldWords, wordsOf(candidate)) < SIMILAR) continue
      const started = performance.now()
      const limit = Number.isFinite(budget.edits) ? budget.edits : undefined
      const parts = compareWords(old, candidate, Math.max(budget.ms, 0), limit)
      const spent = performance.now() - started
      budget.ms -= spent
      budget.sinceYield += spent
      if (!parts) return yield 'over'
      budget.edits -= edits(parts)
      if (budget.ms < 0 || budget.edits < 0) return yield 'over'
      if (kept(parts, old, candidate) >= SIMILAR) paired = { op: 'changed', parts }
    }
    if (paired) {
      for (const p of inserted.slice(next, at - 1)) yield one('insert', 'insert', p)
      yield paired
      next = at
    } else yield one('delete', 'delete', old)
    if (budget.sinceYield >= SLICE_MS) {
      budget.sinceYield = 0
      yield 'pause'
    }
  }
  for (const p of inserted.slice(next)) yield one('insert', 'insert', p)
}

// A change of paragraphs with every paragraph deleted or inserted whole.
function replacedWhole(block: Block<string>): DiffParagraph[] {
  if ('equal' in block) return block.equal.map((p) => one('equal', 'equal', p))
  return [
    ...block.deleted.map((p) => one('delete', 'delete', p)),
    ...block.inserted.map((p) => one('insert', 'insert', p)),
  ]
}

const one = (op: DiffParagraph['op'], part: DiffPart['op'], text: string): DiffParagraph => ({
  op,
  parts: text === '' ? [] : [{ op: part, text }],
})

function result(granularity: DiffGranularity, paras: DiffParagraph[]): TextDiff {
  const parts: DiffPart[] = []
  for (const p of paras) for (const part of p.parts) push(parts, part.op, part.text)
  return { granularity, parts, paragraphs: paras }
}

function bag(words: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1)
  return counts
}

// The share of words two paragraphs have in common, in any order (an upper bound of `kept`).
function dice(a: Map<string, number>, b: string[]): number {
  let size = 0
  for (const n of a.values()) size += n
  if (size + b.length === 0) return 1
  const left = new Map(a)
  let shared = 0
  for (const w of b) {
    const n = left.get(w) ?? 0
    if (n > 0) {
      shared++
      left.set(w, n - 1)
    }
  }
  return (2 * shared) / (size + b.length)
}

// The share of their words two paragraphs keep, in order, in their word diff.
function kept(parts: DiffPart[], a: string, b: string): number {
  const total = wordsOf(a).length + wordsOf(b).length
  if (total === 0) return 1
  const same = parts.reduce((n, p) => n + (p.op === 'equal' ? wordsOf(p.text).length : 0), 0)
  return (2 * same) / total
}

// Tokens inserted plus deleted.
const edits = (parts: DiffPart[]) =>
  parts.reduce((n, p) => n + (p.op === 'equal' ? 0 : tokenize(p.text).length), 0)
