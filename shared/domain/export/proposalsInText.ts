import type { Node } from 'prosemirror-model'
import { flatClauses } from '../numbering'
import { groupAlternatives } from '../proposals/alternatives'
import { OPEN_STATUSES, type Proposal, type ProposalStatus } from '../proposals/types'
import {
  isOptions,
  type ProposalNoteView,
  type TreatyView,
  type ViewBlock,
  type ViewToken,
} from './nest'
import { SYNTHETIC_WORD } from './provenance'

/** A tabled proposal as the "text with brackets" view shows it, with where its words are now. */
export interface PlacedProposal {
  id: string
  tabledSeq: number
  articleId: string | null
  /** Its anchored words in the document (positions), or null: a new article, or words gone. */
  range: { from: number; to: number } | null
  newArticle: boolean
  deletion: boolean
  status: ProposalStatus
  title: string
  /** Sponsors then co-sponsors by code, as on screen: "DEU, FRA". */
  sponsors: string
  /** The proposed wording as plain text. */
  wording: string
  /** Invented for the demo: its note says "Synthetic". */
  synthetic?: boolean
}

/** The statuses the view shows: open proposals, and deferred ones (muted). */
export const SHOWN_IN_TEXT: readonly ProposalStatus[] = [...OPEN_STATUSES, 'deferred']

/** A proposal as the view shows it, placed at `range` (resolved by the caller in the live text). */
export function placedProposal(
  p: Proposal,
  range: { from: number; to: number } | null,
): PlacedProposal {
  return {
    id: p.id,
    tabledSeq: p.tabledSeq ?? 0,
    articleId: p.articleId,
    range,
    newArticle: p.params.kind === 'new-article' || !p.anchor,
    deletion: p.params.kind === 'deletion',
    status: p.status,
    title: p.title,
    sponsors: [...p.sponsors, ...p.coSponsors].join(', '),
    wording: p.wordingText,
    ...(p.synthetic ? { synthetic: true } : {}),
  }
}

const NOTES: Partial<Record<ProposalStatus, string>> = {
  bracketed: 'bracketed',
  'under-consultation': 'under consultation',
  deferred: 'deferred',
}

// What the view prints after a proposal's words, as on screen: the wording, "delete" for a
// deletion without one, "…" for none; an invented proposal's status says so.
const noteOf = (p: PlacedProposal, alt: string | null): ProposalNoteView => ({
  id: p.id,
  alt,
  sponsors: p.sponsors,
  status:
    [NOTES[p.status], p.synthetic ? SYNTHETIC_WORD : undefined].filter(Boolean).join(', ') || null,
  words: p.deletion && !p.wording ? 'delete' : p.wording || '…',
  title: p.title,
})

interface Insert {
  at: number
  /** Order among inserts at one place: closings before openings. */
  order: number
  tokens: ViewToken[]
}

const sizeOf = (t: ViewToken): number =>
  t.kind === 'text' || t.kind === 'placeholder'
    ? (t.kind === 'text' ? t.text : t.label).length
    : t.kind === 'footnote'
      ? 1
      : 0

// Puts the inserts (positions within the clause's text) among its tokens, splitting text.
function spliceTokens(tokens: readonly ViewToken[], inserts: readonly Insert[]): ViewToken[] {
  const sorted = [...inserts].sort((a, b) => a.at - b.at || a.order - b.order)
  const out: ViewToken[] = []
  let pos = 0
  let next = 0
  const flush = (upTo: number) => {
    while (next < sorted.length && (sorted[next] as Insert).at <= upTo) {
      out.push(...(sorted[next] as Insert).tokens)
      next++
    }
  }
  for (const t of tokens) {
    if (t.kind !== 'text') {
      // Brackets of the text stay outside a proposal's brackets at the same place.
      if (sizeOf(t) > 0) flush(pos)
      out.push(t)
      pos += sizeOf(t)
      continue
    }
    let from = 0
    while (next < sorted.length && (sorted[next] as Insert).at < pos + t.text.length) {
      const cut = Math.max((sorted[next] as Insert).at - pos, 0)
      if (cut > from) out.push({ ...t, text: t.text.slice(from, cut) })
      from = Math.max(from, cut)
      flush(pos + cut)
    }
    if (from < t.text.length) out.push({ ...t, text: t.text.slice(from) })
    pos += t.text.length
  }
  flush(Infinity)
  return out
}

/**
 * The "text with brackets" view of a text, as the screen shows it: each open (and deferred,
 * muted) tabled proposal's words in square brackets with, after them, its sponsors' codes, its
 * status and its wording; proposals on overlapping words as one bracket with "Alt 1", "Alt 2" in
 * tabled order; a proposed new article after the article it would follow. `doc` is the text the
 * ranges were resolved in, `view` its `treatyView`.
 */
export function withProposals(
  doc: Node,
  view: TreatyView,
  proposals: readonly PlacedProposal[],
): TreatyView {
  const shown = proposals
    .filter((p) => SHOWN_IN_TEXT.includes(p.status))
    .sort((a, b) => a.tabledSeq - b.tabledSeq)
  const ranged = shown.flatMap((p) =>
    !p.newArticle && p.range ? [{ ...p, from: p.range.from, to: p.range.to }] : [],
  )
  const inserts: Insert[] = []
  for (const group of groupAlternatives(ranged)) {
    const muted = group.members.every(({ item }) => item.status === 'deferred')
    inserts.push({ at: group.from, order: 1, tokens: [{ kind: 'proposal-open', muted }] })
    inserts.push({
      at: group.to,
      order: 0,
      tokens: [
        { kind: 'proposal-close', muted },
        ...group.members.map(({ item, label }): ViewToken => ({
          kind: 'proposal',
          muted,
          note: noteOf(item, label),
        })),
      ],
    })
  }
  // Each clause's start in the document, per article, in reading order.
  const starts = new Map<string, { start: number; end: number }[]>()
  doc.forEach((node, offset) => {
    if (node.type.name !== 'article') return
    starts.set(
      String(node.attrs.id),
      flatClauses(node).map((c) => {
        const start = offset + 1 + c.pos + 1
        return { start, end: start + c.node.content.size }
      }),
    )
  })
  const articles = view.articles.map((a) => {
    const clauses = starts.get(a.id) ?? []
    let index = 0
    const mapBlocks = (blocks: readonly ViewBlock[]): ViewBlock[] =>
      blocks.map((b) => {
        if (isOptions(b)) {
          return {
            ...b,
            options: b.options.map((o) => ({ ...o, blocks: mapBlocks(o.blocks) })),
          }
        }
        const place = clauses[index++]
        const own = place
          ? inserts
              .filter((i) => i.at >= place.start && i.at <= place.end)
              .map((i) => ({ ...i, at: i.at - place.start }))
          : []
        return {
          ...b,
          tokens: own.length > 0 ? spliceTokens(b.tokens, own) : b.tokens,
          children: mapBlocks(b.children),
        }
      })
    const newArticles = shown
      .filter((p) => p.newArticle && p.articleId === a.id)
      .map((p) => ({ ...noteOf(p, null), words: p.wording }))
    return { ...a, clauses: mapBlocks(a.clauses), newArticles }
  })
  const byId = new Map(articles.map((a) => [a.id, a]))
  return {
    ...view,
    articles,
    body: view.body.map((item) =>
      item.kind === 'article'
        ? { kind: 'article', article: byId.get(item.article.id) ?? item.article }
        : item,
    ),
  }
}
