import type { Mark, Node } from 'prosemirror-model'
import { treatySchema } from '../../schema'
import type { BracketSpan, Piece } from './inline'
import type { WarningLog } from './warnings'

/** A clause as the importers hand it to bracket matching and to the document builder. */
export interface ClauseSource {
  pieces: Piece[]
  /** The source line and the words around an offset of the clause's source text. */
  where(at: number): { line: number; context: string }
}

/** Hands out bracket ids unique in one document: b1, b2, ... */
export class BracketIds {
  private next = 1
  take(): string {
    return `b${this.next++}`
  }
}

/**
 * Matches the square brackets of the clauses of one scope (an article, the preamble, or one
 * option), in reading order. Each "]" closes the latest open "[" — first within its clause, then
 * one left open in an earlier clause of the scope (the span then covers those clauses). A "]"
 * directly followed by "[" makes the second span an alternative of the first ("[shall][should]":
 * one id, alt 0 and 1). What stays unmatched is kept as a character and reported.
 */
export function matchBrackets(scope: ClauseSource[], ids: BracketIds, log: WarningLog): void {
  // `words`: the span holds words. One around nothing but a footnote ("[[^9]]") stays characters:
  // the shared document keeps no mark on an inline node, so such a span could not survive.
  const open: { piece: Piece & { kind: 'open' }; clause: ClauseSource; words: boolean }[] = []
  for (const clause of scope) {
    const { pieces } = clause
    pieces.forEach((piece, index) => {
      if (piece.kind === 'text' && piece.text.trim() !== '') {
        for (let k = open.length - 1; k >= 0 && !(open[k] as { words: boolean }).words; k--) {
          ;(open[k] as { words: boolean }).words = true
        }
      } else if (piece.kind === 'open') {
        // An alternative: "][" with nothing between, the "]" closing a span.
        const before = pieces[index - 1]
        const alternativeOf = before?.kind === 'close' && before.span ? before.span : undefined
        piece.span = alternativeOf ? { id: alternativeOf.id, alt: alternativeOf.alt + 1 } : null
        open.push({ piece, clause, words: false })
      } else if (piece.kind === 'close') {
        const opener = open.pop()
        if (!opener) {
          piece.span = null
          return
        }
        if (!opener.words) {
          opener.piece.span = null
          piece.span = undefined
          const { line, context } = clause.where(piece.at)
          log.add(
            line,
            'bracket-as-text',
            'a bracket around a footnote alone is kept as characters',
            context,
          )
          return
        }
        opener.piece.span ??= { id: ids.take(), alt: 0 }
        piece.span = opener.piece.span
      }
    })
  }
  // Openers whose "]" never came: characters, each reported; a provisional alternative id is
  // only taken once its span closes, so nothing is left to undo.
  for (const { piece, clause } of open) {
    piece.span = null
    const { line, context } = clause.where(piece.at)
    log.add(line, 'unbalanced-bracket', 'unmatched "[" (kept as a character)', context)
  }
  for (const clause of scope) {
    for (const piece of clause.pieces) {
      if (piece.kind === 'close' && piece.span === null) {
        const { line, context } = clause.where(piece.at)
        log.add(line, 'unbalanced-bracket', 'unmatched "]" (kept as a character)', context)
      }
    }
  }
}

/**
 * The inline nodes of a clause from its matched pieces. `active` holds the spans left open by
 * earlier clauses of the same scope, and is updated for the next one.
 */
export function inlineNodes(
  pieces: readonly Piece[],
  active: BracketSpan[],
  footnote: (label: string) => { id: string; text: string },
): Node[] {
  const s = treatySchema
  const out: Node[] = []
  // Mark sets are made once per combination: a draft has thousands of pieces and few spans open.
  const cache = new Map<string, readonly Mark[]>()
  const marksNow = (em: boolean, strong: boolean): readonly Mark[] => {
    const key = `${em ? 1 : 0}${strong ? 1 : 0}${active.map((a) => `${a.id}.${a.alt}`).join(',')}`
    const cached = cache.get(key)
    if (cached) return cached
    let set: readonly Mark[] = []
    if (em) set = s.marks.em.create().addToSet(set)
    if (strong) set = s.marks.strong.create().addToSet(set)
    for (const span of active) set = s.marks.bracket.create({ ...span }).addToSet(set)
    cache.set(key, set)
    return set
  }
  const literal = (ch: string) => out.push(s.text(ch, marksNow(false, false)))
  for (const p of pieces) {
    if (p.kind === 'text') {
      if (p.text) out.push(s.text(p.text, marksNow(p.em, p.strong)))
    } else if (p.kind === 'open') {
      if (p.span) active.push(p.span)
      else literal('[')
    } else if (p.kind === 'close') {
      if (!p.span) {
        literal(']')
        continue
      }
      const span = p.span
      const at = active.findIndex((a) => a.id === span.id && a.alt === span.alt)
      if (at !== -1) active.splice(at, 1)
    } else if (p.kind === 'footnote') {
      // No marks: a shared document keeps none on an inline node (tokensOf puts a footnote in
      // the brackets of the word before it).
      out.push(s.nodes.footnote.create(footnote(p.label)))
    } else {
      if (p.label)
        out.push(s.text(p.label, [...marksNow(true, false), s.marks.placeholder.create()]))
    }
  }
  return out
}
