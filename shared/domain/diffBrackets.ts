import type { DiffPart } from './diffCore'

/** A diff part, with square brackets removed or added standing apart and saying so. */
export interface BracketedDiffPart extends DiffPart {
  /** Set on a deleted "[" or "]" ('removed') or an inserted one ('added'). */
  bracket?: 'removed' | 'added'
}

/** How many bracketed spans a diff opens and closes: "[" counted, deleted and inserted. */
export interface BracketChanges {
  removed: number
  added: number
}

const BRACKET = /([[\]])/

/**
 * The parts of a diff of bracketed texts (brackets printed as "[", "][", "]") with every deleted
 * or inserted bracket as a part of its own, flagged: a span whose brackets were removed around
 * kept words reads as "brackets removed", not as a change of wording. Joined, the parts give the
 * same texts as before.
 */
export function markBrackets(parts: readonly DiffPart[]): BracketedDiffPart[] {
  const out: BracketedDiffPart[] = []
  for (const part of parts) {
    if (part.op === 'equal' || !BRACKET.test(part.text)) {
      out.push({ ...part })
      continue
    }
    const bracket = part.op === 'delete' ? 'removed' : 'added'
    for (const piece of part.text.split(BRACKET)) {
      if (piece === '') continue
      out.push(
        piece === '[' || piece === ']'
          ? { op: part.op, text: piece, bracket }
          : { op: part.op, text: piece },
      )
    }
  }
  return out
}

/** The bracketed spans a diff's parts remove and add, counted by their "[". */
export function bracketChanges(parts: readonly DiffPart[]): BracketChanges {
  let removed = 0
  let added = 0
  for (const p of parts) {
    if (p.op === 'equal') continue
    const opens = p.text.split('[').length - 1
    if (p.op === 'delete') removed += opens
    else added += opens
  }
  return { removed, added }
}
