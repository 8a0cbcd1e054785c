import type { Node } from 'prosemirror-model'
import { bracketedTexts } from './brackets'
import { outlineOf } from './numbering'

/** An article reduced to what matching compares: where it is, what it is called, its words. */
export interface ArticleDigest {
  /** The stable id (of an article of the current text; the importer's own for a revised one). */
  id: string
  /** The number negotiators use ("2", "2bis", "3"). */
  label: string
  title: string
  /** The instrument heading it falls under ("" before any), so "Article 1" of a decision is apart. */
  instrument: string
  /** Its clauses' plain text, brackets included. */
  text: string
}

/** How sure a match is: the chair confirms the doubtful ones; 'new' has no earlier article. */
export type MatchConfidence = 'sure' | 'doubtful' | 'new'

/** What became of one article of the revised text. */
export interface ArticleMatch {
  /** Its index among the revised text's articles, from 0. */
  newIndex: number
  label: string
  title: string
  /** The current article it continues (keeping that id), or null. */
  matchedId: string | null
  matchedLabel: string | null
  matchedTitle: string | null
  confidence: MatchConfidence
  /** Share of words in common with the matched article (Jaccard of word sets), 0..1. */
  similarity: number
  /** Why, in words the chair reads: "same number", "same title", "62% of words in common". */
  reasons: string[]
}

/** A current article that no article of the revised text continues. */
export interface RemovedArticle {
  id: string
  label: string
  title: string
  confidence: 'removed'
}

/** The proposed matching of a revised text onto the current one. */
export interface ArticleMatching {
  matches: ArticleMatch[]
  removed: RemovedArticle[]
  /** Pairs compared for wording; past `MATCH_LIMITS.comparisons` only nearby articles are. */
  comparisons: number
  /** Whether the comparisons were cut to nearby articles (a very large text). */
  bounded: boolean
}

/** The bounds of one matching: pairs compared by wording, and words read per article. */
export const MATCH_LIMITS = { comparisons: 40_000, wordsPerArticle: 3_000 }

// Below this share of words in common, and with neither number nor title alike, two articles are
// not the same article.
const MIN_SIMILARITY = 0.2
// At or above this, wording alone makes a match sure (an article renumbered but hardly changed).
const SURE_SIMILARITY = 0.75
// How many current articles with the same number or title one revised article is compared with.
const NAMESAKES = 8
// The longest run of articles paired by place alone.
const PLACE_RUN = 3
// Paired by place, they still share at least this (the Paris loss and damage article: 0.2).
const PLACE_SIMILARITY = 0.1

const normLabel = (label: string) => label.toLowerCase().replace(/[\s.[\]]+/g, '')
const normTitle = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** The distinct lower-case words of a text, at most `limit` of them. */
export function wordSet(text: string, limit = MATCH_LIMITS.wordsPerArticle): Set<string> {
  const set = new Set<string>()
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (set.size >= limit) break
    set.add(m[0])
  }
  return set
}

/** Jaccard similarity of two word sets: shared words over all words; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const w of small) if (large.has(w)) shared += 1
  return shared / (a.size + b.size - shared)
}

/** The articles of a document as matching reads them. */
export function articleDigests(doc: Node): ArticleDigest[] {
  const out: ArticleDigest[] = []
  for (const a of outlineOf(doc)) {
    const node = doc.nodeAt(a.pos)
    if (!node) continue
    // The title is compared apart; only the clauses count as wording.
    const text = bracketedTexts(node)
    const titled = node.firstChild?.type.name === 'article_title'
    out.push({
      id: a.id,
      label: a.label,
      title: a.title,
      instrument: a.instrument,
      text: (titled ? text.slice(1) : text).join('\n'),
    })
  }
  return out
}

interface Candidate {
  oldIndex: number
  newIndex: number
  similarity: number
  sameLabel: boolean
  sameTitle: boolean
  score: number
}

/**
 * Proposes which current article each article of a revised text continues: by number, title
 * and wording (share of words in common), one to one, best pairs first. Same number and title
 * or nearly the same wording is 'sure'; a pair that shares only some of it (a renumbered article,
 * an article rewritten under its old number) is 'doubtful', for the chair to confirm; an article
 * like no current one is 'new'; current articles left over are 'removed'. The work is bounded:
 * each article's words are read up to a limit, and past `MATCH_LIMITS.comparisons` pairs each
 * revised article is compared only with the current articles near its place and those sharing
 * its number or title.
 */
export function matchArticles(
  current: readonly ArticleDigest[],
  revised: readonly ArticleDigest[],
  limits = MATCH_LIMITS,
): ArticleMatching {
  const oldWords = current.map((a) => wordSet(a.text, limits.wordsPerArticle))
  const newWords = revised.map((a) => wordSet(a.text, limits.wordsPerArticle))
  const byLabel = indexBy(current, (a) => `${a.instrument}\u0000${normLabel(a.label)}`)
  const byTitle = indexBy(current, (a) => normTitle(a.title))
  const bounded = current.length * revised.length > limits.comparisons
  // Near its place: as many current articles each side as the bound allows.
  const window = bounded
    ? Math.max(1, Math.floor(limits.comparisons / Math.max(1, revised.length) / 2))
    : current.length
  let comparisons = 0
  const candidates: Candidate[] = []
  revised.forEach((r, newIndex) => {
    const place = revised.length > 1 ? newIndex / (revised.length - 1) : 0
    const centre = Math.round(place * Math.max(0, current.length - 1))
    const olds = new Set<number>()
    for (
      let i = Math.max(0, centre - window);
      i <= Math.min(current.length - 1, centre + window);
      i++
    )
      olds.add(i)
    // Same number or title is always compared, a few at most (a text of untitled articles).
    const sameLabel = byLabel.get(`${r.instrument}\u0000${normLabel(r.label)}`) ?? []
    for (const i of sameLabel.slice(0, NAMESAKES)) olds.add(i)
    const title = normTitle(r.title)
    if (title) for (const i of (byTitle.get(title) ?? []).slice(0, NAMESAKES)) olds.add(i)
    for (const oldIndex of olds) {
      const o = current[oldIndex] as ArticleDigest
      comparisons += 1
      const similarity = jaccard(
        oldWords[oldIndex] as Set<string>,
        newWords[newIndex] as Set<string>,
      )
      const sameLabel =
        o.instrument === r.instrument && normLabel(o.label) === normLabel(r.label) && r.label !== ''
      const sameTitle = title !== '' && normTitle(o.title) === title
      if (similarity < MIN_SIMILARITY && !sameTitle && !(sameLabel && similarity >= 0.1)) continue
      // Title and number count, but wording weighs most: the adopted text renumbered everything.
      const score =
        similarity +
        (sameTitle ? 0.3 : 0) +
        (sameLabel ? 0.15 : 0) +
        (o.instrument === r.instrument ? 0.05 : 0)
      candidates.push({ oldIndex, newIndex, similarity, sameLabel, sameTitle, score })
    }
  })
  candidates.sort((a, b) => b.score - a.score || a.newIndex - b.newIndex || a.oldIndex - b.oldIndex)
  const taken = new Map<number, Candidate>()
  const usedOld = new Set<number>()
  for (const c of candidates) {
    if (taken.has(c.newIndex) || usedOld.has(c.oldIndex)) continue
    taken.set(c.newIndex, c)
    usedOld.add(c.oldIndex)
  }
  // A run of unmatched revised articles between two matched ones, facing a run of unmatched
  // current articles of the same length between the articles those two continue, is paired in
  // order: the same place in the text (the adopted Paris text's loss and damage article shares
  // only a fifth of its words with the draft's). Always doubtful.
  const byPlace = new Set<number>()
  for (let start = 0; start < revised.length;) {
    if (taken.has(start)) {
      start += 1
      continue
    }
    let end = start
    while (end < revised.length && !taken.has(end)) end += 1
    const before = start > 0 ? (taken.get(start - 1)?.oldIndex ?? -1) : -1
    const after =
      end < revised.length ? (taken.get(end)?.oldIndex ?? current.length) : current.length
    const gap: number[] = []
    for (let i = before + 1; i < after; i++) if (!usedOld.has(i)) gap.push(i)
    // Only between two matched articles: at either end of a text, place says little.
    const inside = start > 0 && end < revised.length && before < after
    if (inside && gap.length === end - start && gap.length <= PLACE_RUN) {
      gap.forEach((oldIndex, k) => {
        const newIndex = start + k
        comparisons += 1
        const similarity = jaccard(
          oldWords[oldIndex] as Set<string>,
          newWords[newIndex] as Set<string>,
        )
        if (similarity < PLACE_SIMILARITY) return
        const o = current[oldIndex] as ArticleDigest
        const r = revised[newIndex] as ArticleDigest
        const sameLabel = o.instrument === r.instrument && normLabel(o.label) === normLabel(r.label)
        const sameTitle = r.title !== '' && normTitle(o.title) === normTitle(r.title)
        taken.set(newIndex, { oldIndex, newIndex, similarity, sameLabel, sameTitle, score: 0 })
        usedOld.add(oldIndex)
        byPlace.add(newIndex)
      })
    }
    start = end
  }
  const matches = revised.map((r, newIndex): ArticleMatch => {
    const c = taken.get(newIndex)
    const base = { newIndex, label: r.label, title: r.title }
    if (!c) {
      return {
        ...base,
        matchedId: null,
        matchedLabel: null,
        matchedTitle: null,
        confidence: 'new',
        similarity: 0,
        reasons: ['no current article with this number, title or wording'],
      }
    }
    const o = current[c.oldIndex] as ArticleDigest
    const reasons: string[] = []
    if (c.sameLabel) reasons.push('same number')
    else reasons.push(`was Article ${o.label}`)
    if (c.sameTitle) reasons.push('same title')
    else if (o.title && r.title) reasons.push(`title was “${o.title}”`)
    reasons.push(`${Math.round(c.similarity * 100)}% of words in common`)
    if (byPlace.has(newIndex)) reasons.push('in the same place among the matched articles')
    const sure =
      !byPlace.has(newIndex) &&
      ((c.sameLabel && c.sameTitle) ||
        (c.sameLabel && c.similarity >= 0.4) ||
        (c.sameTitle && c.similarity >= 0.4) ||
        c.similarity >= SURE_SIMILARITY)
    return {
      ...base,
      matchedId: o.id,
      matchedLabel: o.label,
      matchedTitle: o.title,
      confidence: sure ? 'sure' : 'doubtful',
      similarity: c.similarity,
      reasons,
    }
  })
  const removed = current
    .filter((_, i) => !usedOld.has(i))
    .map((o): RemovedArticle => ({
      id: o.id,
      label: o.label,
      title: o.title,
      confidence: 'removed',
    }))
  return { matches, removed, comparisons, bounded }
}

/** The chair's answer to a preview: for a revised article's index, the id it continues or null. */
export type MatchConfirmations = Record<string, string | null>

/** A confirmation that cannot be applied, as a value. */
export type ConfirmResult =
  | { ok: true; ids: (string | null)[] }
  | { ok: false; code: 'unknown_article' | 'article_twice' | 'bad_index'; message: string }

/**
 * The id each revised article takes, from the proposed matching and the chair's confirmations:
 * a confirmation overrides the proposal (null makes the article new), and an id confirmed for one
 * article is taken from the article it was proposed for; a doubtful match the chair did not
 * confirm is kept as proposed. Refuses an id that is not a current article, an index out
 * of range, or one current article continued twice.
 */
export function confirmMatching(
  matching: ArticleMatching,
  currentIds: readonly string[],
  confirm: MatchConfirmations = {},
): ConfirmResult {
  const known = new Set(currentIds)
  const ids = matching.matches.map((m) => m.matchedId)
  const confirmed = new Set<number>()
  for (const [key, id] of Object.entries(confirm)) {
    const index = Number(key)
    if (!Number.isInteger(index) || index < 0 || index >= ids.length) {
      return { ok: false, code: 'bad_index', message: `No article ${key} in the revised text.` }
    }
    if (id !== null && !known.has(id)) {
      return {
        ok: false,
        code: 'unknown_article',
        message: `No article "${id}" in the current text.`,
      }
    }
    ids[index] = id
    confirmed.add(index)
  }
  // An id the chair gave to another article is taken from the one it was proposed for.
  const claimed = new Set(
    [...confirmed].map((i) => ids[i]).filter((id): id is string => id !== null && id !== undefined),
  )
  ids.forEach((id, i) => {
    if (id !== null && !confirmed.has(i) && claimed.has(id)) ids[i] = null
  })
  const seen = new Set<string>()
  for (const id of ids) {
    if (id === null) continue
    if (seen.has(id)) {
      return {
        ok: false,
        code: 'article_twice',
        message: `Two articles of the revised text would continue "${id}"; choose one.`,
      }
    }
    seen.add(id)
  }
  return { ok: true, ids }
}

function indexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number[]> {
  const map = new Map<string, number[]>()
  items.forEach((item, i) => {
    const k = key(item)
    if (!k) return
    const list = map.get(k) ?? []
    list.push(i)
    map.set(k, list)
  })
  return map
}

/** Brackets and option blocks in the whole text before and after a revision's import. */
export interface CountsChange {
  brackets: { before: number; after: number }
  options: { before: number; after: number }
}

/**
 * What the chair sees before confirming a revised text: the matching, the importer's warnings
 * (`W`, the importer's warning type) and the counts.
 */
export interface RevisionPreview<W = unknown> {
  title: string
  articles: number
  sure: number
  doubtful: number
  new: number
  removed: number
  matching: ArticleMatching
  warnings: W[]
  counts: CountsChange
}
