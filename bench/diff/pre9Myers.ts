// THE PRE-ISSUE-9 REFERENCE: shared/domain/diff.ts as it stood before issue 9 (commit 92497a4),
// a hand-written Myers that keeps every step's frontier, so its time and memory grow with the
// square of the edit. Kept only so that `npm run bench` can compare the engine against it; never
// import it from the app.

/** One run of a word-level diff: words both texts share, or words only the later (insert) or earlier (delete) has. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

// Words, runs of whitespace, and single punctuation marks: "10 years;" is "10", " ", "years", ";".
const TOKEN = /\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu

// Splits a text into the tokens the diff compares; joined again they give the text back.
const tokenize = (text: string): string[] => text.match(TOKEN) ?? []

/**
 * A word-level diff from `a` to `b` (Myers' O(ND) algorithm over word, whitespace and
 * punctuation tokens): the parts, in order, concatenate to `a` when inserts are skipped and to
 * `b` when deletes are. Whitespace alone between two changes joins them, so a rewritten phrase
 * reads as one deletion and one insertion.
 */
export function pre9DiffWords(a: string, b: string): DiffPart[] {
  const x = tokenize(a)
  const y = tokenize(b)
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
  const parts: DiffPart[] = []
  push(parts, 'equal', x.slice(0, head).join(''))
  const middle = myers(x.slice(head, x.length - tail), y.slice(head, y.length - tail))
  for (const part of middle) push(parts, part.op, part.text)
  push(parts, 'equal', x.slice(x.length - tail).join(''))
  return joinAcrossSpaces(parts)
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (text === '') return
  const last = parts[parts.length - 1]
  if (last && last.op === op) last.text += text
  else parts.push({ op, text })
}

// Myers' greedy shortest edit script, keeping each step's frontier to walk the path back.
function myers(x: string[], y: string[]): DiffPart[] {
  const n = x.length
  const m = y.length
  if (n === 0 || m === 0) {
    const parts: DiffPart[] = []
    push(parts, 'delete', x.join(''))
    push(parts, 'insert', y.join(''))
    return parts
  }
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      const down =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
      let i = down ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1
      let j = i - k
      while (i < n && j < m && x[i] === y[j]) {
        i++
        j++
      }
      v[offset + k] = i
      if (i >= n && j >= m) {
        found = d
        break
      }
    }
  }
  // Walk back from (n, m) through each step's frontier, collecting the edit in reverse.
  const reversed: DiffPart[] = []
  let i = n
  let j = m
  for (let d = found; d > 0; d--) {
    const frontier = trace[d] as Int32Array
    const at = (k: number) => frontier[k + d + 1] as number
    const k = i - j
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevI = at(prevK)
    const prevJ = prevI - prevK
    while (i > (down ? prevI : prevI + 1) && j > (down ? prevJ + 1 : prevJ)) {
      reversed.push({ op: 'equal', text: x[--i] as string })
      j--
    }
    if (down) reversed.push({ op: 'insert', text: y[--j] as string })
    else reversed.push({ op: 'delete', text: x[--i] as string })
  }
  while (i > 0 && j > 0) {
    reversed.push({ op: 'equal', text: x[--i] as string })
    j--
  }
  const parts: DiffPart[] = []
  for (let r = reversed.length - 1; r >= 0; r--) {
    const part = reversed[r] as DiffPart
    push(parts, part.op, part.text)
  }
  return parts
}

// Folds an equal run of whitespace that sits between two changes into both sides of them: the
// old text loses it and the new one gets it back, so both texts still read the same.
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
