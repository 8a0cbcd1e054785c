import { articleRef } from './numbering'

/** An article whose label a renumbering changed, by stable id. */
export interface ArticleRenumbered {
  articleId: string
  /** The instrument heading it falls under ("" before any): numbers restart per instrument. */
  instrument: string
  from: string
  to: string
}

/** A numbered clause whose label a renumbering changed: its article and place in reading order. */
export interface ClauseRenumbered {
  articleId: string
  /** Its index among the article's clauses in reading order (`flatClauses`), from 0. */
  index: number
  /** The options it sits in, outermost first, by index in their block; [] outside options. */
  optionPath: number[]
  from: string
  to: string
}

/** One renumbering by the chair: what changed, who did it and when. Never rewritten. */
export interface Concordance {
  /** Order of renumberings in the negotiation, from 1. */
  seq: number
  negotiationId: string
  at: string
  accountId: string | null
  byName: string
  articles: ArticleRenumbered[]
  clauses: ClauseRenumbered[]
}

/** A renumbering as a command hands it to the store, before the store numbers it. */
export type NewConcordance = Omit<Concordance, 'seq'>

/** What `resolveReference` needs of an article now: its id, label and clause labels. */
export interface ReferencedArticle {
  id: string
  label: string
  /** Its clauses' labels now, in reading order ("1.", "(a)", "2 bis."); optional. */
  clauses?: readonly string[]
}

/** A reference resolved to what it names now, with the numbers it had when it was written. */
export interface ResolvedReference {
  ok: true
  articleId: string
  /** The article's label now. */
  label: string
  /** Its label when the reference was written, if a renumbering changed it since. */
  formerly?: string
  clause?: { index: number; label: string; formerly?: string }
  /** "Option 1" as the reference names it. */
  option?: string
  /** "Art. 3 (formerly 2 bis)", with ".2" or an option after it when named. */
  display: string
}

/** Why a reference names nothing. */
export type ReferenceFailure = {
  ok: false
  reason: 'not-a-reference' | 'no-such-article' | 'no-such-clause'
}

// Renumberings oldest first, whatever order they come in.
const inOrder = (concordances: readonly Concordance[]) =>
  [...concordances].sort((a, b) => a.seq - b.seq)

/**
 * The label an article had at `at` if a renumbering since changed it: the `from` of the first
 * renumbering after `at` that touched it. Undefined when no renumbering since changed it.
 */
export function formerLabel(
  articleId: string,
  at: string,
  concordances: readonly Concordance[],
): string | undefined {
  for (const c of inOrder(concordances)) {
    if (c.at <= at) continue
    const entry = c.articles.find((a) => a.articleId === articleId)
    if (entry) return entry.from
  }
  return undefined
}

/** The label of a clause at `at` if a renumbering since changed it (by article and index). */
export function formerClauseLabel(
  articleId: string,
  index: number,
  at: string,
  concordances: readonly Concordance[],
): string | undefined {
  for (const c of inOrder(concordances)) {
    if (c.at <= at) continue
    const entry = c.clauses.find((k) => k.articleId === articleId && k.index === index)
    if (entry) return entry.from
  }
  return undefined
}

/**
 * How an article is cited now, with the label it had at `at` when a renumbering changed it
 * since: "Art. 3 (formerly 2 bis)", or "Art. 3".
 */
export function articleRefAt(
  articleId: string,
  label: string,
  at: string | null | undefined,
  concordances: readonly Concordance[],
): string {
  return articleRef(label, at ? formerLabel(articleId, at, concordances) : undefined)
}

// "2 bis", "2bis", "2-bis" and "2 Bis" name the same article; "(a)", "a" and "a)" the same clause.
const normal = (label: string) => label.toLowerCase().replace(/[\s.()\-–]/g, '')

const REFERENCE = /^\s*(?:art(?:icle)?\.?|§)\s*(.+?)\s*$/i
const OPTION = /[\s,]*\b(option\s+[\w.]+)\s*$/i

/**
 * What a reference such as "Art. 4.2 Option 1", "Article 2 bis", "Art. 3(a)" names now.
 * `at` is when it was written: labels are read as they stood then (a renumbering since maps
 * them to today's); without it, today's labels are tried first, then former ones, newest first.
 * Answers the article id and clause now, with both numbers.
 */
export function resolveReference(
  reference: string,
  concordances: readonly Concordance[],
  outline: readonly ReferencedArticle[],
  at?: string,
): ResolvedReference | ReferenceFailure {
  const m = REFERENCE.exec(reference)
  if (!m) return { ok: false, reason: 'not-a-reference' }
  let rest = m[1] ?? ''
  const optionMatch = OPTION.exec(rest)
  const option = optionMatch ? (optionMatch[1] ?? '').replace(/\s+/g, ' ') : undefined
  if (optionMatch) rest = rest.slice(0, optionMatch.index)

  const labelsAt = (article: ReferencedArticle, when: string | undefined): string =>
    when === undefined
      ? article.label
      : (formerLabel(article.id, when, concordances) ?? article.label)
  // Candidate readings, in order of preference: as of `at`, or today's then each former one.
  const readings: (string | undefined)[] =
    at !== undefined
      ? [at]
      : [
          undefined,
          ...inOrder(concordances)
            .reverse()
            .map((c) => beforeIso(c.at)),
        ]

  let clauseMissing = false
  for (const when of readings) {
    const found = matchArticle(rest, outline, (a) => labelsAt(a, when))
    if (!found) continue
    const { article, cited, tail } = found
    const formerly = cited !== article.label ? cited : undefined
    if (!tail) {
      return {
        ok: true,
        articleId: article.id,
        label: article.label,
        formerly,
        option,
        display: withOption(articleRef(article.label, formerly), option),
      }
    }
    const clause = matchClause(article, tail, when, concordances)
    if (!clause) {
      clauseMissing = true
      continue
    }
    const now = bare(clause.label)
    const then = clause.formerly ? bare(clause.formerly) : undefined
    const head = `Art. ${article.label}.${now}`
    const display = formerly || then ? `${head} (formerly ${cited}.${then ?? now})` : head
    return {
      ok: true,
      articleId: article.id,
      label: article.label,
      formerly,
      clause,
      option,
      display: withOption(display, option),
    }
  }
  return { ok: false, reason: clauseMissing ? 'no-such-clause' : 'no-such-article' }
}

const withOption = (display: string, option?: string) => (option ? `${display} ${option}` : display)

// "2." → "2", "(a)" → "a": how a clause reads after its article's number ("Art. 4.2", "4.a").
const bare = (label: string) => label.replace(/^\(|\)?\.?$/g, '').replace(/\)$/, '')

// Just before an ISO time, so that "as of then" reads the labels the renumbering replaced.
function beforeIso(at: string): string {
  const t = Date.parse(at)
  return Number.isNaN(t) ? at : new Date(t - 1).toISOString()
}

// The article whose label (as `labelOf` reads it) is the longest prefix of `text` that ends
// where a clause may begin (end, ".", "(", ",", space), with what follows.
function matchArticle(
  text: string,
  outline: readonly ReferencedArticle[],
  labelOf: (a: ReferencedArticle) => string,
): { article: ReferencedArticle; cited: string; tail: string } | null {
  let best: { article: ReferencedArticle; cited: string; tail: string; length: number } | null =
    null
  for (const article of outline) {
    const cited = labelOf(article)
    const length = prefixLength(text, cited)
    if (length < 0 || (best && best.length >= length)) continue
    const tail = text
      .slice(length)
      .replace(/^[\s,.]*(?:para(?:graph)?\.?\s*)?/i, '')
      .trim()
    best = { article, cited, tail, length }
  }
  return best && { article: best.article, cited: best.cited, tail: best.tail }
}

// How many characters of `text` spell `label` (ignoring spaces, dots and case), ending at a
// boundary; -1 if they do not.
function prefixLength(text: string, label: string): number {
  const want = normal(label)
  if (!want) return -1
  let got = ''
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string
    if (!/[\s.()\-–]/.test(ch)) got += ch.toLowerCase()
    if (got === want) {
      const next = text[i + 1]
      if (next === undefined || /[\s.(,]/.test(next)) return i + 1
      return -1
    }
    if (!want.startsWith(got)) return -1
  }
  return -1
}

function matchClause(
  article: ReferencedArticle,
  tail: string,
  when: string | undefined,
  concordances: readonly Concordance[],
): { index: number; label: string; formerly?: string } | null {
  const wanted = normal(tail)
  const labels = article.clauses ?? []
  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index] as string
    const then =
      when === undefined ? undefined : formerClauseLabel(article.id, index, when, concordances)
    if (normal(then ?? label) === wanted) {
      return { index, label, formerly: then !== undefined && then !== label ? then : undefined }
    }
  }
  return null
}

/** Every label a renumbering took from an article, oldest first ("2 bis"). */
export function formerLabels(articleId: string, concordances: readonly Concordance[]): string[] {
  return inOrder(concordances).flatMap((c) =>
    c.articles.filter((a) => a.articleId === articleId).map((a) => a.from),
  )
}
