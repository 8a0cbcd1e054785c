/**
 * The search index's words as SQLite's FTS5 sees them, for the PostgreSQL search store: the
 * `unicode61 remove_diacritics 2` tokenizer, the query subset `ftsQuery` writes (quoted phrases,
 * the last maybe a prefix, all required), and FTS5's own bm25, highlight() and snippet()
 * (ported from SQLite 3.53's fts5_aux.c), so that both backends find, rank and mark alike.
 * PostgreSQL only finds the candidates (a tsvector of these very tokens, GIN-indexed); what is
 * marked and how rows rank is decided here. Pure: no I/O.
 */

/** One token of a text: its folded form and where it stands (UTF-16 offsets, end exclusive). */
export interface Token {
  word: string
  start: number
  end: number
}

// unicode61's token characters: letters, numbers, private-use and unassigned characters, and
// the combining diacritics it drops (so that "e" + U+0301 is the word "e", as "é" is); every
// other character (spaces, punctuation, symbols, other marks) separates tokens. FTS5's tables
// are Unicode 6.1's: characters assigned since (newer letters and emoji) may split differently.
const DIACRITICS =
  '\u0300-\u0304\u0306-\u030c\u030f\u0311\u031b\u0323-\u0328\u032d\u032e\u0330\u0331'
const TOKEN = new RegExp(`[\\p{L}\\p{N}\\p{Co}\\p{Cn}${DIACRITICS}]+`, 'gu')
const DROPPED = new RegExp(`[${DIACRITICS}]`, 'gu')
const LATIN = /\p{Script=Latin}/u
const MARKS = /\p{M}/gu
// Latin letters whose diacritics unicode61 keeps (their base letter is itself not plain Latin).
const KEPT = '\u01e0\u01e1\u01e2\u01e3\u01ee\u01ef\u01fc\u01fd\u01fe\u01ff'
// Case foldings of unicode61 that lower case does not make.
const FOLDS: Record<string, string> = {
  '\u00b5': '\u03bc',
  '\u017f': 's',
  '\u03c2': '\u03c3',
  '\u03d0': '\u03b2',
  '\u03d1': '\u03b8',
  '\u03d5': '\u03c6',
  '\u03d6': '\u03c0',
  '\u03f0': '\u03ba',
  '\u03f1': '\u03c1',
  '\u03f5': '\u03b5',
}
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/

/** A token folded as unicode61 folds it: lower case, Latin letters without their diacritics. */
export function fold(token: string): string {
  // Most words are ASCII: lower case is all there is to do.
  if (ASCII.test(token)) return token.toLowerCase()
  // Lower case first (a final capital sigma becomes ς, then σ as unicode61 folds it), the
  // diacritics it drops last (lower case may add one: İ is i and a dot above).
  let out = ''
  for (const ch of token.toLowerCase()) {
    out +=
      FOLDS[ch] ??
      (LATIN.test(ch) && !KEPT.includes(ch) ? ch.normalize('NFD').replace(MARKS, '') : ch)
  }
  return out.replace(DROPPED, '')
}

/** The tokens of a text in order. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const word = fold(m[0])
    // Diacritics alone make no word.
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length })
  }
  return out
}

/** A query phrase: tokens that must stand in a row, the last one maybe only a prefix. */
export interface Phrase {
  words: string[]
  prefix: boolean
}

/**
 * The phrases of an FTS5 query as `ftsQuery` writes it (`"word" "word"*`): quoted strings
 * (`""` inside is a quote), bare words, a `*` after either making its last token a prefix.
 * Every phrase is required. FTS5 operators (OR, NOT, NEAR, column filters) are not read: the
 * server never writes them, and a person's words never reach the index unquoted.
 */
export function parsePhrases(match: string): Phrase[] {
  const phrases: Phrase[] = []
  let i = 0
  const push = (text: string) => {
    const prefix = match[i] === '*'
    if (prefix) i++
    const words = tokenize(text).map((t) => t.word)
    if (words.length > 0) phrases.push({ words, prefix })
  }
  while (i < match.length) {
    const ch = match[i] as string
    if (ch === '"') {
      let text = ''
      i++
      while (i < match.length) {
        if (match[i] === '"') {
          if (match[i + 1] === '"') {
            text += '"'
            i += 2
            continue
          }
          i++
          break
        }
        text += match[i]
        i++
      }
      push(text)
    } else if (/\s/u.test(ch)) {
      i++
    } else {
      let text = ''
      while (i < match.length && !/[\s"*]/u.test(match[i] as string)) text += match[i++]
      push(text)
    }
  }
  return phrases
}

// PostgreSQL's limits: positions up to 16383, 256 positions per lexeme, lexemes under 2 KB.
const MAX_POS = 16383
const MAX_POSITIONS = 256
const MAX_LEXEME_BYTES = 2047

// A lexeme written as a tsvector / tsquery literal: quoted, so PostgreSQL takes it verbatim.
const literal = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
const fits = (word: string) => Buffer.byteLength(word) <= MAX_LEXEME_BYTES

/**
 * A row's tokens as a tsvector literal: the title's at positions 1…, the body's after a gap so
 * that no phrase spans the two (FTS5 matches a phrase within one column).
 */
export function tsvectorOf(title: readonly Token[], body: readonly Token[]): string {
  const positions = new Map<string, number[]>()
  const add = (word: string, pos: number) => {
    if (!fits(word)) return
    const list = positions.get(word) ?? []
    if (list.length < MAX_POSITIONS) list.push(Math.min(pos, MAX_POS))
    positions.set(word, list)
  }
  title.forEach((t, i) => add(t.word, i + 1))
  body.forEach((t, i) => add(t.word, title.length + 2 + i))
  return [...positions]
    .map(([word, list]) => `${literal(word)}:${[...new Set(list)].join(',')}`)
    .join(' ')
}

/** The phrases as a tsquery literal: each phrase `<->`-joined, all of them `&`-joined. */
export function tsqueryOf(phrases: readonly Phrase[]): string {
  return phrases
    .map((p) => {
      const words = p.words.filter(fits)
      return `(${words
        .map((w, i) => `${literal(w)}${p.prefix && i === words.length - 1 ? ':*' : ''}`)
        .join(' <-> ')})`
    })
    .join(' & ')
}

/** A phrase instance as FTS5's xInst gives it: which phrase, which column, which token. */
export interface Instance {
  phrase: number
  column: number
  offset: number
}

const matchesAt = (tokens: readonly Token[], at: number, p: Phrase): boolean =>
  p.words.every((w, k) => {
    const t = tokens[at + k]
    if (!t) return false
    return p.prefix && k === p.words.length - 1 ? t.word.startsWith(w) : t.word === w
  })

/** Every instance of every phrase in the columns, in FTS5's order: column, token, phrase. */
export function instancesOf(
  columns: readonly (readonly Token[])[],
  phrases: readonly Phrase[],
): Instance[] {
  const out: Instance[] = []
  columns.forEach((tokens, column) => {
    for (let offset = 0; offset < tokens.length; offset++) {
      phrases.forEach((p, phrase) => {
        if (matchesAt(tokens, offset, p)) out.push({ phrase, column, offset })
      })
    }
  })
  return out
}

/** What bm25 needs of the whole index: rows, tokens in all rows, rows matching each phrase. */
export interface IndexStats {
  rows: number
  tokens: number
  hits: number[]
}

/**
 * FTS5's bm25 (k1 1.2, b 0.75, every column weighing 1), as a score where larger is better
 * (FTS5's rank is its negation).
 */
export function bm25(
  instances: readonly Instance[],
  phrases: number,
  rowTokens: number,
  stats: IndexStats,
): number {
  const avgdl = stats.tokens / stats.rows
  const idf = idfOf(stats)
  const freq = new Array<number>(phrases).fill(0)
  for (const inst of instances) freq[inst.phrase] = (freq[inst.phrase] ?? 0) + 1
  let score = 0
  for (let i = 0; i < phrases; i++) {
    const f = freq[i] ?? 0
    score += (idf[i] ?? 0) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * rowTokens) / avgdl)))
  }
  return score
}

/** bm25's constants as FTS5 sets them. */
export const K1 = 1.2
export const B = 0.75

/** Each phrase's inverse document frequency as FTS5 computes it (never 0 or less). */
export function idfOf(stats: IndexStats): number[] {
  return stats.hits.map((hit) => {
    const idf = Math.log((stats.rows - hit + 0.5) / (hit + 0.5))
    return idf <= 0 ? 1e-6 : idf
  })
}

// FTS5's coalesced instance iterator over one column: overlapping instances merge into one.
class CInstIter {
  private next = 0
  start = -1
  end = -1

  constructor(
    private readonly instances: readonly Instance[],
    private readonly phrases: readonly Phrase[],
    private readonly column: number,
  ) {
    this.advance()
  }

  advance(): void {
    this.start = -1
    this.end = -1
    while (this.next < this.instances.length) {
      const inst = this.instances[this.next] as Instance
      if (inst.column === this.column) {
        const end = inst.offset - 1 + (this.phrases[inst.phrase]?.words.length ?? 1)
        if (this.start < 0) {
          this.start = inst.offset
          this.end = end
        } else if (inst.offset <= this.end) {
          if (end > this.end) this.end = end
        } else break
      }
      this.next++
    }
  }
}

interface MarkRange {
  start: number
  end: number
}

// fts5HighlightCb over every token: the marked text of tokens rangeStart…rangeEnd (rangeEnd -1:
// all), as FTS5 writes it, and how far the text was copied.
function highlightTokens(
  text: string,
  tokens: readonly Token[],
  iter: CInstIter,
  open: string,
  close: string,
  range: MarkRange,
): { out: string; copied: number; open: boolean } {
  let out = ''
  let off = 0
  let isOpen = false
  tokens.forEach((t, pos) => {
    if (range.end >= 0) {
      if (pos < range.start || pos > range.end) return
      if (range.start && pos === range.start) off = t.start
    }
    if (isOpen && (pos <= iter.start || iter.start < 0) && t.start > off) {
      out += close
      isOpen = false
    }
    if (pos === iter.start && !isOpen) {
      out += text.slice(off, t.start) + open
      off = t.start
      isOpen = true
    }
    if (pos === iter.end) {
      if (!isOpen) {
        out += open
        isOpen = true
      }
      out += text.slice(off, t.end)
      off = t.end
      iter.advance()
    }
    if (pos === range.end) {
      if (isOpen) {
        if (iter.start >= 0 && pos >= iter.start) {
          out += text.slice(off, t.end)
          off = t.end
        }
        out += close
        isOpen = false
      }
      out += text.slice(off, t.end)
      off = t.end
    }
  })
  return { out, copied: off, open: isOpen }
}

/** FTS5's highlight(): the whole column with every (coalesced) phrase instance marked. */
export function highlight(
  text: string,
  tokens: readonly Token[],
  instances: readonly Instance[],
  phrases: readonly Phrase[],
  column: number,
  open: string,
  close: string,
): string {
  const iter = new CInstIter(instances, phrases, column)
  const h = highlightTokens(text, tokens, iter, open, close, { start: 0, end: -1 })
  return h.out + (h.open ? close : '') + text.slice(h.copied)
}

// Tokens that begin a sentence: the first, and any after '.' or ':' and white space.
function sentenceStarts(text: string, tokens: readonly Token[]): number[] {
  const starts: number[] = []
  tokens.forEach((t, pos) => {
    if (pos === 0) {
      starts.push(0)
      return
    }
    let i = t.start - 1
    let c = ''
    for (; i >= 0; i--) {
      c = text[i] as string
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break
    }
    if (i !== t.start - 1 && (c === '.' || c === ':')) starts.push(pos)
  })
  return starts
}

// fts5SnippetScore: the score of the window of `size` tokens from `from`, and where FTS5 would
// move the window to centre its hits.
function windowScore(
  instances: readonly Instance[],
  phrases: readonly Phrase[],
  column: number,
  columnSize: number,
  from: number,
  size: number,
): { score: number; adjusted: number } {
  const seen = new Set<number>()
  let score = 0
  let first = -1
  let last = 0
  for (const inst of instances) {
    if (inst.column !== column || inst.offset < from || inst.offset >= from + size) continue
    score += seen.has(inst.phrase) ? 1 : 1000
    seen.add(inst.phrase)
    if (first < 0) first = inst.offset
    last = inst.offset + (phrases[inst.phrase]?.words.length ?? 1)
  }
  let adjusted = first - Math.trunc((size - (last - first)) / 2)
  if (adjusted + size > columnSize) adjusted = columnSize - size
  if (adjusted < 0) adjusted = 0
  return { score, adjusted }
}

/**
 * FTS5's snippet() on one column: the best window of `size` tokens (most distinct phrases, a
 * sentence's start preferred), its instances marked, `ellipsis` where text was cut.
 */
export function snippet(
  text: string,
  tokens: readonly Token[],
  instances: readonly Instance[],
  phrases: readonly Phrase[],
  column: number,
  open: string,
  close: string,
  ellipsis: string,
  size: number,
): string {
  const starts = sentenceStarts(text, tokens)
  const columnSize = tokens.length
  let best = 0
  let bestStart = 0
  for (const inst of instances) {
    if (inst.column !== column) continue
    const io = inst.offset
    const w = windowScore(instances, phrases, column, columnSize, io, size)
    if (w.score > best) {
      best = w.score
      bestStart = w.adjusted
    }
    if (starts.length > 0 && columnSize > size) {
      let jj = 0
      for (; jj < starts.length - 1; jj++) if ((starts[jj + 1] as number) > io) break
      const sentence = starts[jj] as number
      if (sentence < io) {
        const s = windowScore(instances, phrases, column, columnSize, sentence, size)
        const score = s.score + (sentence === 0 ? 120 : 100)
        if (score > best) {
          best = score
          bestStart = sentence
        }
      }
    }
  }
  const iter = new CInstIter(instances, phrases, column)
  const range = { start: bestStart, end: bestStart + size - 1 }
  let out = bestStart > 0 ? ellipsis : ''
  while (iter.start >= 0 && iter.start < bestStart) iter.advance()
  const h = highlightTokens(text, tokens, iter, open, close, range)
  out += h.out + (h.open ? close : '')
  return out + (range.end >= columnSize - 1 ? text.slice(h.copied) : ellipsis)
}
