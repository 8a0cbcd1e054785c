import { diffArrays } from 'diff'

/** One run of a diff: text both sides share, or text only the later (insert) or earlier (delete) has. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

// Words, runs of whitespace, and single punctuation marks: "10 years;" is "10", " ", "years", ";".
const TOKEN = /\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu

// Lines with their line break; the article texts have one clause a line.
const PARAGRAPH = /[^\n]*\n|[^\n]+/g

const WORD = /[\p{L}\p{N}]+/gu

/** Splits a text into the tokens the diff compares; joined again they give the text back. */
export const tokenize = (text: string): string[] => text.match(TOKEN) ?? []

/** Splits a text into its paragraphs, each with its line break; joined they give the text back. */
export const paragraphs = (text: string): string[] => text.match(PARAGRAPH) ?? []

/** The words (letters and digits) of a text, case kept. */
export const wordsOf = (text: string): string[] => text.match(WORD) ?? []

/** Appends a run to a list of parts, joining it to the last one when they share an op. */
export function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (text === '') return
  const last = parts[parts.length - 1]
  if (last && last.op === op) last.text += text
  else parts.push({ op, text })
}

/** Equal items, or a run of changes: what the earlier list had there and what the later has. */
export type Block<T> = { equal: T[] } | { deleted: T[]; inserted: T[] }

/**
 * Myers' diff of two lists as blocks (equal runs and change runs), or undefined past the time
 * (ms) or edit limit. A shared head and tail are found first, at no cost to the limits.
 */
export function blocksOf<T>(
  x: readonly T[],
  y: readonly T[],
  timeout: number,
  maxEditLength?: number,
): Block<T>[] | undefined {
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
  const blocks: Block<T>[] = []
  const add = (kind: 'equal' | 'deleted' | 'inserted', items: T[]) => {
    if (items.length === 0) return
    const last = blocks[blocks.length - 1]
    if (kind === 'equal') {
      if (last && 'equal' in last) last.equal.push(...items)
      else blocks.push({ equal: [...items] })
    } else if (last && !('equal' in last)) last[kind].push(...items)
    else
      blocks.push(
        kind === 'deleted' ? { deleted: items, inserted: [] } : { deleted: [], inserted: items },
      )
  }
  add('equal', x.slice(0, head))
  if (oldMiddle.length === 0 || newMiddle.length === 0) {
    add('deleted', oldMiddle)
    add('inserted', newMiddle)
  } else {
    const changes = diffArrays(oldMiddle, newMiddle, {
      timeout,
      ...(maxEditLength === undefined ? {} : { maxEditLength }),
    })
    if (!changes) return undefined
    for (const c of changes) add(c.added ? 'inserted' : c.removed ? 'deleted' : 'equal', c.value)
  }
  add('equal', x.slice(x.length - tail))
  return blocks
}

/**
 * The word diff of two texts as parts, or undefined past the time or edit limit. Whitespace
 * alone between two changes joins them, so a rewritten phrase reads as one deletion and one
 * insertion.
 */
export function compareWords(
  a: string,
  b: string,
  timeout: number,
  maxEditLength?: number,
): DiffPart[] | undefined {
  const blocks = blocksOf(tokenize(a), tokenize(b), timeout, maxEditLength)
  if (!blocks) return undefined
  // Folds an equal run of whitespace between two changes into both sides of them: the old text
  // loses it and the new one gets it back, so both texts still read the same.
  const merged: Block<string>[] = []
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block<string>
    const before = merged[merged.length - 1]
    const after = blocks[i + 1]
    if ('equal' in block && /^\s+$/.test(block.equal.join('')) && before && after) {
      if (!('equal' in before) && !('equal' in after)) {
        before.deleted.push(...block.equal, ...after.deleted)
        before.inserted.push(...block.equal, ...after.inserted)
        i++
        continue
      }
    }
    merged.push(block)
  }
  const out: DiffPart[] = []
  for (const block of merged) {
    if ('equal' in block) push(out, 'equal', block.equal.join(''))
    else {
      push(out, 'delete', block.deleted.join(''))
      push(out, 'insert', block.inserted.join(''))
    }
  }
  return out
}
