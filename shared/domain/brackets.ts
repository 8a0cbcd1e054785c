import type { Mark, Node } from 'prosemirror-model'

/**
 * A piece of a clause as a conference document prints it: words with their emphasis, a square
 * bracket opening or closing, "][" between two alternatives of one bracketed span, a footnote
 * reference, or a placeholder.
 */
export type InlineToken =
  | { kind: 'text'; text: string; em: boolean; strong: boolean }
  /** "[": `depth` is 1 for an outermost bracket, 2 inside one, ... */
  | { kind: 'open'; id: string; depth: number }
  /** "][": the next alternative (`alt`) of the span `id` starts. */
  | { kind: 'alt'; id: string; alt: number }
  | { kind: 'close'; id: string; depth: number }
  /** `number`: the footnote's number in the document, from 1, in reading order. */
  | { kind: 'footnote'; id: string; text: string; number: number }
  /** Words marked as a placeholder (the `placeholder` mark): `label` is those words. */
  | { kind: 'placeholder'; label: string }

interface Segment {
  block: number
  node: Node
  /** bracket id → alternative, for the brackets on this piece. */
  brackets: Map<string, number>
}

const bracketsOf = (marks: readonly Mark[]): Map<string, number> => {
  const map = new Map<string, number>()
  for (const m of marks) {
    if (m.type.name === 'bracket') map.set(String(m.attrs.id), Number(m.attrs.alt ?? 0))
  }
  return map
}

/** Every textblock under `container` (itself if it is one), in reading order. */
export function textblocksOf(container: Node): Node[] {
  if (container.isTextblock) return [container]
  const out: Node[] = []
  container.descendants((n) => {
    if (n.isTextblock) {
      out.push(n)
      return false
    }
    return true
  })
  return out
}

/**
 * The tokens of each textblock of `container` (an article, the preamble, a whole document), in
 * the order of `textblocksOf`. A bracket opens before the first piece carrying its id anywhere in
 * the container and closes after the last, so a span may cover several clauses; where several
 * open at one place the one that closes last opens first. Footnotes are numbered from
 * `firstFootnote`.
 */
export function tokensOf(container: Node, firstFootnote = 1): InlineToken[][] {
  const blocks = textblocksOf(container)
  const segments: Segment[] = []
  blocks.forEach((block, index) => {
    let before = new Map<string, number>()
    block.forEach((node) => {
      // y-prosemirror 1.3 stores no marks on inline nodes, so a footnote reference carries none
      // in a shared document: it stands in the brackets of the word it follows.
      const brackets = node.isText ? bracketsOf(node.marks) : before
      segments.push({ block: index, node, brackets })
      before = brackets
    })
  })
  const first = new Map<string, number>()
  const last = new Map<string, number>()
  segments.forEach((s, i) => {
    for (const id of s.brackets.keys()) {
      if (!first.has(id)) first.set(id, i)
      last.set(id, i)
    }
  })
  const out: InlineToken[][] = blocks.map(() => [])
  const open: string[] = []
  const alt = new Map<string, number>()
  let footnote = firstFootnote
  segments.forEach((s, i) => {
    const tokens = out[s.block] as InlineToken[]
    const opening = [...s.brackets.keys()]
      .filter((id) => first.get(id) === i)
      .sort((a, b) => (last.get(b) ?? 0) - (last.get(a) ?? 0) || a.localeCompare(b))
    for (const [id, a] of s.brackets) {
      if (first.get(id) !== i && alt.has(id) && alt.get(id) !== a) {
        tokens.push({ kind: 'alt', id, alt: a })
      }
      alt.set(id, a)
    }
    for (const id of opening) {
      open.push(id)
      tokens.push({ kind: 'open', id, depth: open.length })
    }
    const n = s.node
    if (n.isText && n.marks.some((m) => m.type.name === 'placeholder')) {
      tokens.push({ kind: 'placeholder', label: n.text ?? '' })
    } else if (n.isText) {
      const last = tokens[tokens.length - 1]
      const em = n.marks.some((m) => m.type.name === 'em')
      const strong = n.marks.some((m) => m.type.name === 'strong')
      if (last?.kind === 'text' && last.em === em && last.strong === strong)
        last.text += n.text ?? ''
      else tokens.push({ kind: 'text', text: n.text ?? '', em, strong })
    } else if (n.type.name === 'footnote') {
      tokens.push({
        kind: 'footnote',
        id: String(n.attrs.id),
        text: String(n.attrs.text),
        number: footnote++,
      })
    }
    const closing = [...open]
      .filter((id) => last.get(id) === i)
      .sort((a, b) => (first.get(b) ?? 0) - (first.get(a) ?? 0) || b.localeCompare(a))
    for (const id of closing) {
      tokens.push({ kind: 'close', id, depth: open.length })
      open.splice(open.lastIndexOf(id), 1)
    }
  })
  return out
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** A footnote number in superscript digits, as plain text shows it. */
export const superscript = (n: number): string =>
  String(n)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)] ?? d)
    .join('')

/** Tokens as plain text: "[", "][", "]" where brackets stand, footnotes as superscript numbers. */
export function tokensText(tokens: readonly InlineToken[]): string {
  let s = ''
  for (const t of tokens) {
    if (t.kind === 'text') s += t.text
    else if (t.kind === 'open') s += '['
    else if (t.kind === 'alt') s += ']['
    else if (t.kind === 'close') s += ']'
    else if (t.kind === 'footnote') s += superscript(t.number)
    else s += t.label
  }
  return s
}

/** Each textblock of `container` as plain text with its brackets, in reading order. */
export function bracketedTexts(container: Node): string[] {
  return tokensOf(container).map(tokensText)
}

/** What the chair's cleaning has left in an article: bracketed spans and option blocks. */
export interface CleaningCounts {
  /** Bracketed spans, nested ones counted, alternatives counted once per span; a whole bracketed article counts one. */
  brackets: number
  /** Option blocks (however many options each holds). */
  options: number
}

/** The brackets and option blocks in `node` (an article, the preamble, a document). */
export function cleaningCounts(node: Node): CleaningCounts {
  const ids = new Set<string>()
  let options = 0
  let brackets = 0
  const visit = (n: Node) => {
    if (n.type.name === 'options') options += 1
    if (n.type.name === 'article' && n.attrs.bracketed === true) brackets += 1
    for (const m of n.marks) if (m.type.name === 'bracket') ids.add(String(m.attrs.id))
  }
  visit(node)
  node.descendants((n) => void visit(n))
  return { brackets: brackets + ids.size, options }
}
