import type { Node } from 'prosemirror-model'
import type { Annotation } from '../annotations/types'
import type { NegotiationEvent } from '../events'
import { outlineOf } from '../numbering'
import type { Position, Proposal } from '../proposals/types'
import { EVERYONE, notesAudience, proposalAudience } from './scope'
import { unmarkable, type SearchKind } from './query'

/** One searchable row: what it is, where it jumps to, who may read it, and its words. */
export interface SearchDoc {
  kind: SearchKind
  /** The thing found: an article id (text), proposal, position, annotation id, or event seq. */
  refId: string
  articleId: string | null
  /** For text: the clause's index among the article's clauses (title excluded), or null. */
  clause: number | null
  /** Who may read it (see scope.ts). */
  audience: string
  /** The article as this version of the text calls it ("Article 2 Definitions"), for grouping. */
  label: string
  title: string
  body: string
}

/** One unit of a source, replaced as a whole when its digest changes. */
export interface SearchUnit {
  unit: string
  digest: string
  docs: SearchDoc[]
}

const clean = (s: string) => unmarkable(s).slice(0, 20_000)

/** A short, stable digest of a unit's rows (FNV-1a over their JSON), to skip unchanged units. */
export function digestOf(docs: readonly SearchDoc[]): string {
  let h = 0x811c9dc5
  const s = JSON.stringify(docs)
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `${s.length.toString(36)}-${h.toString(36)}`
}

const unit = (key: string, docs: SearchDoc[]): SearchUnit => ({
  unit: key,
  digest: digestOf(docs),
  docs,
})

/** A text's articles as units: one row for each article's heading, one per clause. */
export function articleUnits(doc: Node): SearchUnit[] {
  const outline = outlineOf(doc)
  const units: SearchUnit[] = []
  let i = 0
  doc.forEach((node) => {
    if (node.type.name !== 'article') return
    const summary = outline[i++]
    if (!summary) return
    const label = `Article ${summary.label}${summary.title ? ` ${summary.title}` : ''}`
    const base = {
      kind: 'text' as const,
      refId: summary.id,
      articleId: summary.id,
      audience: EVERYONE,
      label,
    }
    const docs: SearchDoc[] = [{ ...base, clause: null, title: clean(label), body: '' }]
    let clause = 0
    node.forEach((child) => {
      if (child.type.name === 'article_title') return
      docs.push({ ...base, clause: clause++, title: '', body: clean(child.textContent) })
    })
    units.push(unit(summary.id, docs))
  })
  return units
}

/** A proposal and its positions as one unit, readable by whoever may read the proposal. */
export function proposalUnit(
  p: Proposal,
  positions: readonly Position[],
  actorName: (actorId: string) => string,
): SearchUnit {
  const audience = proposalAudience(p.id)
  const base = { articleId: p.articleId, clause: null, audience, label: '' }
  const sponsors = [...p.sponsors, ...p.coSponsors].map(actorName).join(', ')
  const docs: SearchDoc[] = [
    {
      ...base,
      kind: 'proposals',
      refId: p.id,
      title: clean(p.title),
      body: clean([p.wordingText, p.rationale, sponsors].filter(Boolean).join('\n')),
    },
    ...positions.map((pos): SearchDoc => ({
      ...base,
      kind: 'positions',
      refId: p.id,
      title: clean(`${actorName(pos.actorId)} ${pos.stance}: ${p.title}`),
      body: clean([pos.quote, pos.source].filter(Boolean).join('\n')),
    })),
  ]
  return unit(p.id, docs)
}

/** An annotation of a notes room as one unit, readable by that room's readers. */
export function noteUnit(a: Annotation, groupId: string): SearchUnit {
  const replies = a.replies.filter((r) => !r.deleted).map((r) => `${r.authorName}: ${r.body}`)
  const body = [a.body, a.anchor.quote, a.tags.join(' '), ...replies].join('\n')
  return unit(a.id, [
    {
      kind: 'notes',
      refId: a.id,
      articleId: a.articleId,
      clause: null,
      audience: notesAudience(groupId),
      label: '',
      title: clean(a.authorName),
      body: clean(body),
    },
  ])
}

const TYPE_WORDS: Partial<Record<NegotiationEvent['type'], string>> = {
  'proposal-created': 'drafted',
  'proposal-tabled': 'tabled',
  'proposal-withdrawn': 'withdrew',
  'proposal-reopened': 'reopened',
  'position-recorded': 'recorded a position on',
  'round-opened': 'opened',
  'round-closed': 'closed the round, freezing',
  'text-edited': 'edited the wording',
  'issue-created': 'named the issue',
  'issue-changed': 'changed the issue',
  'statement-recorded': 'recorded a statement on',
  'statement-published': 'published a statement on',
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** An event as one sentence ("Germany tabled “…”"), readable by whoever may read its proposal. */
export function eventUnit(e: NegotiationEvent, proposalTitle: string | null): SearchUnit {
  const d = e.data
  const what = TYPE_WORDS[e.type] ?? e.type.replace(/-/g, ' ')
  const title = str(d.title) || proposalTitle || ''
  const object = [title, str(d.name), str(d.snapshotName), str(d.to), str(d.note)]
    .filter(Boolean)
    .join(' ')
  const sentence = `${e.byName} ${what}${object ? ` “${object}”` : ''}`
  return unit(String(e.seq), [
    {
      kind: 'events',
      refId: String(e.seq),
      articleId: e.articleId,
      clause: null,
      audience: e.proposalId ? proposalAudience(e.proposalId) : EVERYONE,
      label: '',
      title: '',
      body: clean(sentence),
    },
  ])
}
