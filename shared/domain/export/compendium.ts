import type { Node } from 'prosemirror-model'
import { wordingSchema } from '../../schema'
import type { ArticleSummary } from '../numbering'
import { currentPositionsByProposal } from '../proposals/positions'
import { STANCES, type Position, type Proposal, type Stance } from '../proposals/types'
import { provenanceOfPosition, recordOfPosition } from '../stances/statements'
import { isPrivateRecord, type Provenance, type Statement } from '../stances/types'
import { describeKind, formatDay, STATUS_NAMES } from './labels'
import { nestBlocks, runTokens, type ViewBlock } from './nest'
import { provenanceText } from './provenance'

/** What a compendium needs to name things: actors and rounds by id. */
export interface CompendiumNames {
  actors: ReadonlyArray<{ id: string; name: string }>
  rounds?: ReadonlyArray<{ id: string; name: string }>
  /** The coalitions (groups) that proposals were tabled in the name of (issue 13). */
  coalitions?: ReadonlyArray<{ id: string; name: string }>
}

/** An article as the compendium heads its section: "Article 2 bis — Title". */
export type CompendiumArticle = Pick<ArticleSummary, 'id' | 'number' | 'title'> &
  Partial<Pick<ArticleSummary, 'label'>>

/** One change of status as the compendium prints it. */
export interface HistoryLine {
  day: string
  text: string
}

/** The current positions of one stance on a proposal. */
export interface StanceGroup {
  stance: Stance
  count: number
  positions: CompendiumPosition[]
}

/** One current position as the compendium lists it, with where it comes from. */
export interface CompendiumPosition {
  actor: string
  round: string | null
  source: string
  quote: string
  provenance: Provenance
  /** "Reported: <source>", "Recorded by <record>", "Synthetic" (see `provenanceText`). */
  provenanceText: string
}

/** One proposal as the compendium prints it. */
export interface CompendiumEntry {
  id: string
  /** "P3", from the order of tabling. */
  ref: string
  title: string
  /** Invented for the demo: every rendering marks it "Synthetic" beside its title. */
  synthetic: boolean
  kind: string
  sponsors: string[]
  coSponsors: string[]
  /** The coalition it was tabled in the name of ("Core group"), its sponsors its members. */
  coalition?: string
  /** The sponsors' and co-sponsors' actor codes ("DEU"), in the same order as their names. */
  sponsorIds: string[]
  coSponsorIds: string[]
  /** The words of the text it amends, as they were when anchored. */
  quote: string | null
  /** Its clauses and option blocks, brackets and footnotes kept as tokens. */
  wording: { title: string | null; clauses: ViewBlock[] }
  rationale: string
  status: string
  history: HistoryLine[]
  positions: StanceGroup[]
  /** Earlier positions later ones superseded (kept in the record, not listed). */
  superseded: number
}

/** The proposals on one article, or on no article of the current text. */
export interface CompendiumSection {
  /** "Article 2 — Definitions", "New articles", "Article no longer in the text (art-9)". */
  heading: string
  article: CompendiumArticle | null
  entries: CompendiumEntry[]
}

/**
 * The compendium of proposals: every proposal ever tabled, by article in the order of the
 * text (then new articles not yet placed, then articles since deleted), each with its sponsors,
 * kind and parameters, wording, rationale, status with its history, and current positions by
 * stance with counts.
 */
export function compendium(
  proposals: readonly Proposal[],
  positions: readonly Position[],
  articles: ReadonlyArray<CompendiumArticle>,
  names: CompendiumNames,
): CompendiumSection[] {
  const actorName = nameLookup(names.actors)
  const roundName = nameLookup(names.rounds ?? [])
  const coalitionName = nameLookup(names.coalitions ?? [])
  // Each record's current positions, kept apart: the secretariat's and a delegation's own
  // word on one actor both stand.
  const byRecord = new Map<string, Position[]>()
  for (const p of positions) {
    const record = recordOfPosition(p)
    byRecord.set(record, [...(byRecord.get(record) ?? []), p])
  }
  const current = new Map<string, Position[]>()
  for (const list of byRecord.values()) {
    for (const [proposalId, perActor] of currentPositionsByProposal(list)) {
      current.set(proposalId, [...(current.get(proposalId) ?? []), ...perActor.values()])
    }
  }
  const recorded = new Map<string, number>()
  for (const p of positions) recorded.set(p.proposalId, (recorded.get(p.proposalId) ?? 0) + 1)

  const entry = (p: Proposal): CompendiumEntry => {
    const held = current.get(p.id) ?? []
    return {
      id: p.id,
      ref: p.tabledSeq === null ? p.id : `P${p.tabledSeq}`,
      title: p.title,
      synthetic: p.synthetic === true,
      kind: describeKind(p.params),
      sponsors: p.sponsors.map(actorName),
      coSponsors: p.coSponsors.map(actorName),
      ...(p.coalitionId ? { coalition: coalitionName(p.coalitionId) } : {}),
      sponsorIds: [...p.sponsors],
      coSponsorIds: [...p.coSponsors],
      quote: p.anchor?.quote ?? null,
      wording: wordingOf(p),
      rationale: p.rationale,
      status: STATUS_NAMES[p.status],
      history: p.history.map((h) => ({
        day: formatDay(h.at),
        text: [
          h.from ? `${STATUS_NAMES[h.from]} → ${STATUS_NAMES[h.to]}` : STATUS_NAMES[h.to],
          h.deferredTo ? ` (to ${roundName(h.deferredTo)})` : '',
          `, by ${h.actorId ? `${h.byName} for ${actorName(h.actorId)}` : h.byName}`,
          h.roundId ? `, ${roundName(h.roundId)}` : '',
          h.note ? `: ${h.note}` : '',
        ].join(''),
      })),
      positions: STANCES.map((stance) => {
        const of = held
          .filter((h) => h.stance === stance)
          .sort(
            (a, b) =>
              actorName(a.actorId).localeCompare(actorName(b.actorId)) ||
              recordOfPosition(a).localeCompare(recordOfPosition(b)),
          )
        return {
          stance,
          count: of.length,
          positions: of.map((h) => {
            const provenance = provenanceOfPosition(h)
            return {
              actor: actorName(h.actorId),
              round: h.roundId ? roundName(h.roundId) : null,
              source: h.source,
              quote: h.quote,
              provenance,
              provenanceText: provenanceText(
                { provenance, source: h.source, record: recordOfPosition(h) },
                actorName,
              ),
            }
          }),
        }
      }).filter((g) => g.count > 0),
      superseded: (recorded.get(p.id) ?? 0) - held.length,
    }
  }

  const shown = [...proposals]
    // Tabled at some time: a draft withdrawn before tabling was never public.
    .filter((p) => p.status !== 'draft' && p.tabledSeq !== null)
    .sort(
      (a, b) =>
        (a.tabledSeq ?? Infinity) - (b.tabledSeq ?? Infinity) ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    )
  const byArticle = new Map<string | null, Proposal[]>()
  for (const p of shown) byArticle.set(p.articleId, [...(byArticle.get(p.articleId) ?? []), p])

  const sections: CompendiumSection[] = []
  for (const article of articles) {
    const list = byArticle.get(article.id)
    if (!list) continue
    const heading = `Article ${article.label ?? article.number}${article.title ? ` — ${article.title}` : ''}`
    sections.push({ heading, article, entries: list.map(entry) })
  }
  const unplaced = byArticle.get(null)
  if (unplaced)
    sections.push({ heading: 'New articles', article: null, entries: unplaced.map(entry) })
  const known = new Set(articles.map((a) => a.id))
  const gone = [...byArticle.keys()].filter((id): id is string => id !== null && !known.has(id))
  for (const id of gone.sort()) {
    sections.push({
      heading: `Article no longer in the text (${id})`,
      article: null,
      entries: (byArticle.get(id) ?? []).map(entry),
    })
  }
  return sections
}

/**
 * The positions a compendium lists: those on the register, and the stances on proposals that
 * records hold as statements (issue 12) and every member may read: the secretariat's, the
 * delegations', and groups' published entries. A statement without a stance is not a position.
 */
export function compendiumPositions(
  positions: readonly Position[],
  statements: readonly Statement[],
): Position[] {
  const stated = statements.flatMap((s): Position[] => {
    if (s.target.kind !== 'proposal' || s.stance === 'statement') return []
    if (isPrivateRecord(s.record) && !s.published) return []
    return [
      {
        id: s.id,
        proposalId: s.target.proposalId,
        actorId: s.actorId,
        stance: s.stance,
        roundId: s.roundId,
        source: s.source,
        quote: s.quote,
        recordedAt: s.recordedAt,
        recordedBy: s.recordedBy,
        provenance: s.provenance,
        record: s.record,
      },
    ]
  })
  return [...positions, ...stated]
}

/** Whether anything a compendium lists, a proposal or a position, was invented for the demo. */
export const compendiumHasSynthetic = (sections: readonly CompendiumSection[]): boolean =>
  sections.some((s) =>
    s.entries.some(
      (e) =>
        e.synthetic ||
        e.positions.some((g) => g.positions.some((p) => p.provenance === 'synthetic')),
    ),
  )

const nameLookup = (list: ReadonlyArray<{ id: string; name: string }>) => {
  const map = new Map(list.map((x) => [x.id, x.name]))
  return (id: string) => map.get(id) ?? id
}

// The tabled wording as nested clauses; a wording that does not fit the schema (it always
// should) falls back to its plain text rather than losing the proposal.
function wordingOf(p: Proposal): CompendiumEntry['wording'] {
  let doc: Node | null = null
  try {
    doc = p.wording ? wordingSchema.nodeFromJSON(p.wording) : null
  } catch {
    doc = null
  }
  if (!doc) {
    const clauses = p.wordingText
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((text): ViewBlock => {
        const runs = [{ text, em: false, strong: false }]
        return { type: 'paragraph', label: '', runs, tokens: runTokens(runs), children: [] }
      })
    return { title: null, clauses }
  }
  const title = doc.firstChild?.type.name === 'article_title' ? doc.firstChild.textContent : null
  return { title, clauses: nestBlocks(doc) }
}

/** The sponsors as every rendering prints them: "Core group: Austria, France" for a coalition's. */
export const sponsorsLine = (e: Pick<CompendiumEntry, 'sponsors' | 'coalition'>): string =>
  `${e.coalition ? `${e.coalition}: ` : ''}${e.sponsors.join(', ')}`
