import { diffArrays } from 'diff'

/** One run of a diff: text both sides share, or text only the later (insert) or earlier (delete) has. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/**
 * How finely a diff compared: word by word; paragraph by paragraph (a changed paragraph shows
 * as deleted and inserted whole) when the word diff passed its limit; or the whole text as one
 * deletion and one insertion when even that did.
 */
export type DiffGranularity = 'word' | 'paragraph' | 'text'

/** A diff and how finely it compared. */
export interface TextDiff {
  granularity: DiffGranularity
  parts: DiffPart[]
}

/** How much work one diff may do before it falls back to a coarser comparison. */
export interface DiffLimits {
  /** Milliseconds the word diff may run. */
  wordMs: number
  /** Milliseconds the paragraph comparison may run. */
  paragraphMs: number
  /** At most this many tokens inserted plus deleted in a word diff (none if absent). */
  maxWordEdits?: number
  /** At most this many paragraphs inserted plus deleted (none if absent). */
  maxParagraphEdits?: number
}

// Each phase is one slice of work between two yields of `diffSteps`, so that a diff never holds
// the server's event loop for more than about 50 ms at a time (tokenizing included). The demo's
// largest article diff takes 12-26 ms word by word.
/** The limits a request's diff runs with. */
export const DIFF_LIMITS: DiffLimits = { wordMs: 40, paragraphMs: 20 }

// Words, runs of whitespace, and single punctuation marks: "10 years;" is "10", " ", "years", ";".
const TOKEN = /\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu

// Lines with their line break; the article texts have one clause a line.
const PARAGRAPH = /[^\n]*\n|[^\n]+/g

/** Splits a text into the tokens the diff compares; joined again they give the text back. */
export const tokenize = (text: string): string[] => text.match(TOKEN) ?? []

/** Splits a text into its paragraphs, each with its line break; joined they give the text back. */
export const paragraphs = (text: string): string[] => text.match(PARAGRAPH) ?? []

/**
 * A diff from `a` to `b`, word by word (jsdiff's Myers over word, whitespace and punctuation
 * tokens) within `limits`, else paragraph by paragraph, else the whole text replaced. The parts,
 * in order, concatenate to `a` when inserts are skipped and to `b` when deletes are. Whitespace
 * alone between two changes joins them, so a rewritten phrase reads as one deletion and one
 * insertion.
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
  if (a === b) return { granularity: 'word', parts: a === '' ? [] : [{ op: 'equal', text: a }] }
  const words = compare(tokenize(a), tokenize(b), limits.wordMs, limits.maxWordEdits)
  if (words) return { granularity: 'word', parts: words }
  yield
  const lines = compare(paragraphs(a), paragraphs(b), limits.paragraphMs, limits.maxParagraphEdits)
  if (lines) return { granularity: 'paragraph', parts: lines }
  const parts: DiffPart[] = []
  push(parts, 'delete', a)
  push(parts, 'insert', b)
  return { granularity: 'text', parts }
}

/** The parts of `diffText(a, b, limits)`, for callers that need no granularity. */
export const diffWords = (a: string, b: string, limits: DiffLimits = DIFF_LIMITS): DiffPart[] =>
  diffText(a, b, limits).parts

// The diff of two token lists as joined parts, or undefined past the time or edit limit.
function compare(
  x: string[],
  y: string[],
  timeout: number,
  maxEditLength?: number,
): DiffPart[] | undefined {
  // A shared head and tail cost nothing to find and shrink the search to what changed.
  let head = 0
  while (head < x.length && head < y.length && x[head] === y[head]) head++
  let tail = 0
  while (
    tail < x.length - head &&
    tail < y.length - head &&
    x[x.length - 1 - tail] === y[y.length - 1 - tail]
  ) {
    tail++
  }
  const oldMiddle = x.slice(head, x.length - tail)
  const newMiddle = y.slice(head, y.length - tail)
  const parts: DiffPart[] = []
  push(parts, 'equal', x.slice(0, head).join(''))
  if (oldMiddle.length === 0 || newMiddle.length === 0) {
    push(parts, 'delete', oldMiddle.join(''))
    push(parts, 'insert', newMiddle.join(''))
  } else {
    const changes = diffArrays(oldMiddle, newMiddle, {
      timeout,
      ...(maxEditLength === undefined ? {} : { maxEditLength }),
    })
    if (!changes) return undefined
    for (const c of changes) {
      push(parts, c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.value.join(''))
    }
  }
  push(parts, 'equal', x.slice(x.length - tail).join(''))
  return joinAcrossSpaces(parts)
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (text === '') return
  const last = parts[parts.length - 1]
  if (last && last.op === op) last.text += text
  else parts.push({ op, text })
}

// Folds an equal run of whitespace that sits between two changes into both sides of them: the
// old text loses it and the new one gets it back, so both texts still read the same. Each run
// of changes comes out as one deletion, then one insertion.
function joinAcrossSpaces(parts: DiffPart[]): DiffPart[] {
  type Block = { equal: string } | { deleted: string; inserted: string }
  const blocks: Block[] = []
  for (const part of parts) {
    const last = blocks[blocks.length - 1]
    if (part.op === 'equal') blocks.push({ equal: part.text })
    else if (last && !('equal' in last)) {
      if (part.op === 'delete') last.deleted += part.text
      else last.inserted += part.text
    } else {
      blocks.push(
        part.op === 'delete'
          ? { deleted: part.text, inserted: '' }
          : { deleted: '', inserted: part.text },
      )
    }
  }
  const merged: Block[] = []
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block
    const before = merged[merged.length - 1]
    const after = blocks[i + 1]
    if ('equal' in block && /^\s+$/.test(block.equal) && before && after) {
      if (!('equal' in before) && !('equal' in after)) {
        before.deleted += block.equal + after.deleted
        before.inserted += block.equal + after.inserted
        i++
        continue
      }
    }
    merged.push(block)
  }
  const out: DiffPart[] = []
  for (const block of merged) {
    if ('equal' in block) push(out, 'equal', block.equal)
    else {
      push(out, 'delete', block.deleted)
      push(out, 'insert', block.inserted)
    }
  }
  return out
}
