/**
 * A clause's inline content as an importer reads it, before brackets are matched: words with
 * their emphasis, square brackets (`at` is the offset in the clause's source, for warnings),
 * footnote references and placeholders.
 */
export type Piece =
  | { kind: 'text'; text: string; em: boolean; strong: boolean }
  | { kind: 'open'; at: number; span?: BracketSpan | null }
  | { kind: 'close'; at: number; span?: BracketSpan | null }
  | { kind: 'footnote'; label: string; at: number }
  | { kind: 'placeholder'; label: string }

/** The bracketed span a matched bracket belongs to; null when it stays a literal character. */
export interface BracketSpan {
  id: string
  alt: number
}

type Raw =
  | { t: 'text'; s: string }
  | { t: 'open' | 'close'; at: number }
  | { t: 'fn'; label: string; at: number }
  | { t: 'delim'; n: number; canOpen: boolean; canClose: boolean }
  | { t: 'placeholder'; label: string }

const ASCII_PUNCT = /[!-/:-@[-`{-~]/
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c)
const URL_LIKE = /^(https?:|mailto:|ftp:|www\.|\/|#)/i
// Sticky: matched where the reader stands, without copying the rest of the paragraph.
const TAG = /<\/?[a-zA-Z][^<>]*>/y
const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/y
const LINK = /\[([^[\]]*)\](?:\(([^()\s]+)\)|\[([^[\]]+)\])/y

/** Plain words in which brackets are characters: no emphasis, no footnotes, no links. */
export function plainPieces(text: string): Piece[] {
  return text ? [{ kind: 'text', text, em: false, strong: false }] : []
}

/**
 * Reads one paragraph of Markdown as a conference document uses it: `*em*` and `**strong**`
 * (CommonMark's flanking rules, an unmatched asterisk stays a character), `[` and `]` as bracket
 * tokens, `[^5]` footnote references, links (`[text](url)` with a URL-like target, `[text][ref]`
 * with a defined `ref`) reduced to their text, HTML tags dropped, backslash escapes honoured,
 * and `*Placeholder...*` or `[Placeholder ...]` as placeholders.
 */
export function markdownPieces(source: string, links: ReadonlySet<string>): Piece[] {
  const raw = tokenize(source, links, 0)
  const flags = resolveEmphasis(raw)
  const tokens = placeholders(raw, flags)
  return toPieces(tokens, flags)
}

function tokenize(source: string, links: ReadonlySet<string>, base: number): Raw[] {
  const out: Raw[] = []
  let text = ''
  const flush = () => {
    if (text) out.push({ t: 'text', s: text })
    text = ''
  }
  for (let i = 0; i < source.length;) {
    const c = source[i] as string
    if (c === '\\') {
      const next = source[i + 1]
      if (next !== undefined && ASCII_PUNCT.test(next)) text += next
      else if (next !== undefined) text += next === ' ' ? ' ' : `\\${next}`
      i += 2
      continue
    }
    if (c === '<') {
      TAG.lastIndex = i
      const tag = TAG.exec(source)
      if (tag) {
        i += tag[0].length
        continue
      }
    }
    if (c === '[') {
      FOOTNOTE_REF.lastIndex = i
      const footnote = FOOTNOTE_REF.exec(source)
      if (footnote) {
        flush()
        out.push({ t: 'fn', label: footnote[1] as string, at: base + i })
        i += footnote[0].length
        continue
      }
      LINK.lastIndex = i
      const link = LINK.exec(source)
      const isLink =
        link &&
        ((link[2] !== undefined && URL_LIKE.test(link[2])) ||
          (link[3] !== undefined && links.has(link[3].toLowerCase())))
      if (link && isLink) {
        flush()
        out.push(...tokenize(link[1] as string, new Set(), base + i + 1))
        i += link[0].length
        continue
      }
      flush()
      out.push({ t: 'open', at: base + i })
      i += 1
      continue
    }
    if (c === ']') {
      flush()
      out.push({ t: 'close', at: base + i })
      i += 1
      continue
    }
    if (c === '*') {
      let n = 1
      while (source[i + n] === '*') n++
      const prev = source[i - 1]
      const next = source[i + n]
      const left = !isSpace(next) && (!isPunct(next) || isSpace(prev) || isPunct(prev))
      const right = !isSpace(prev) && (!isPunct(prev) || isSpace(next) || isPunct(next))
      flush()
      out.push({ t: 'delim', n, canOpen: left, canClose: right })
      i += n
      continue
    }
    text += c
    i += 1
  }
  flush()
  return out
}

interface Flags {
  em: number[]
  strong: number[]
  /** Delimiter characters left over, per token index. */
  left: number[]
}

// CommonMark's "process emphasis", simplified: each closer takes the nearest opener before it;
// openers passed over become characters. Never fails: whatever is unmatched stays an asterisk.
function resolveEmphasis(raw: Raw[]): Flags {
  const em = new Array<number>(raw.length + 1).fill(0)
  const strong = new Array<number>(raw.length + 1).fill(0)
  const left = raw.map((r) => (r.t === 'delim' ? r.n : 0))
  const openers: number[] = []
  raw.forEach((r, i) => {
    if (r.t !== 'delim') return
    if (r.canClose) {
      while ((left[i] ?? 0) > 0) {
        let found = -1
        for (let k = openers.length - 1; k >= 0; k--) {
          if ((left[openers[k] as number] ?? 0) > 0) {
            found = k
            break
          }
        }
        if (found < 0) break
        const o = openers[found] as number
        const use = (left[o] ?? 0) >= 2 && (left[i] ?? 0) >= 2 ? 2 : 1
        const target = use === 2 ? strong : em
        target[o + 1] = (target[o + 1] ?? 0) + 1
        target[i] = (target[i] ?? 0) - 1
        left[o] = (left[o] ?? 0) - use
        left[i] = (left[i] ?? 0) - use
        // Openers between the pair can no longer open anything.
        openers.splice(found + ((left[o] ?? 0) > 0 ? 1 : 0))
      }
    }
    if (r.canOpen && (left[i] ?? 0) > 0) openers.push(i)
  })
  // Prefix sums: how many em / strong ranges cover each token.
  for (let i = 1; i < em.length; i++) {
    em[i] = (em[i] ?? 0) + (em[i - 1] ?? 0)
    strong[i] = (strong[i] ?? 0) + (strong[i - 1] ?? 0)
  }
  return { em, strong, left }
}

const PLACEHOLDER = /^(\s*)(placeholder)\b/i

// `*Placeholder*`, `*[Placeholder: ...]*` and `[Placeholder ...]`: words only (no inner
// bracket, footnote or emphasis change) that begin with "Placeholder". The word becomes a
// placeholder and the words after it stay words, in the same emphasis and brackets: the shared
// document keeps no mark on an inline node (y-prosemirror drops them), so a bracket around a
// placeholder lives on those words.
function placeholders(raw: Raw[], flags: Flags): Raw[] {
  const out = [...raw]
  const sameFlags = (a: number, b: number) =>
    flags.em[a] === flags.em[b] && flags.strong[a] === flags.strong[b]
  for (let i = 0; i < out.length; i++) {
    const r = out[i]
    const m = r?.t === 'text' ? PLACEHOLDER.exec(r.s) : null
    if (r?.t !== 'text' || !m) continue
    let end = i
    while (out[end]?.t === 'text' && sameFlags(end, i)) end++
    const italic = (flags.em[i] ?? 0) > 0
    const before = out[i - 1]
    const after = out[end]
    const inBrackets = before?.t === 'open' && after?.t === 'close'
    // Italic words must be the whole emphasis: a delimiter (or a bracket then one) on each side.
    const closesEm = after?.t === 'delim' || (after?.t === 'close' && out[end + 1]?.t === 'delim')
    const opensEm = before?.t === 'delim' || (before?.t === 'open' && out[i - 2]?.t === 'delim')
    if (!((italic && opensEm && closesEm) || (!italic && inBrackets))) continue
    const lead = m[1] ?? ''
    const rest = r.s.slice(lead.length + (m[2] ?? '').length)
    const replacement: Raw[] = []
    if (lead) replacement.push({ t: 'text', s: lead })
    replacement.push({ t: 'placeholder', label: m[2] as string })
    if (rest) replacement.push({ t: 'text', s: rest })
    out.splice(i, 1, ...replacement)
    // Keep the flags aligned with the longer token list.
    for (const key of ['em', 'strong'] as const) {
      flags[key].splice(i, 0, ...new Array<number>(replacement.length - 1).fill(flags[key][i] ?? 0))
    }
    flags.left.splice(i, 0, ...new Array<number>(replacement.length - 1).fill(0))
    i += replacement.length - 1
  }
  return out
}

function toPieces(raw: Raw[], flags: Flags): Piece[] {
  const pieces: Piece[] = []
  const pushText = (text: string, em: boolean, strong: boolean) => {
    const last = pieces[pieces.length - 1]
    if (last?.kind === 'text' && last.em === em && last.strong === strong) last.text += text
    else pieces.push({ kind: 'text', text, em, strong })
  }
  raw.forEach((r, i) => {
    const em = (flags.em[i] ?? 0) > 0
    const strong = (flags.strong[i] ?? 0) > 0
    if (r.t === 'text') pushText(r.s.replace(/\s+/g, ' '), em, strong)
    else if (r.t === 'delim') {
      const n = flags.left[i] ?? 0
      if (n > 0) pushText('*'.repeat(n), em, strong)
    } else if (r.t === 'fn') pieces.push({ kind: 'footnote', label: r.label, at: r.at })
    else if (r.t === 'placeholder') pieces.push({ kind: 'placeholder', label: r.label })
    else pieces.push({ kind: r.t, at: r.at })
  })
  return trimPieces(pieces)
}

/** Pieces without leading and trailing spaces and without empty words. */
export function trimPieces(pieces: Piece[]): Piece[] {
  const first = pieces.find((p) => p.kind === 'text')
  if (first?.kind === 'text' && pieces[0] === first) first.text = first.text.trimStart()
  const last = [...pieces].reverse().find((p) => p.kind === 'text')
  if (last?.kind === 'text' && pieces[pieces.length - 1] === last) last.text = last.text.trimEnd()
  return pieces.filter((p) => p.kind !== 'text' || p.text !== '')
}

/** The words of pieces without brackets or footnotes (a title, a label). */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'placeholder' ? p.label : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}
