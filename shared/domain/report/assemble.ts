import { cleaningEditOf, describeCleaning } from '../cleaningEdits'
import type { NegotiationEvent } from '../events'
import { describeKind } from '../export/labels'
import { provenanceText } from '../export/provenance'
import { STATUS_NAMES } from '../proposals/labels'
import type { Position, Proposal } from '../proposals/types'
import { provenanceOfPosition, recordOfPosition } from '../stances/statements'
import type { Issue, Statement } from '../stances/types'
import type {
  EditLine,
  OtherLine,
  PositionLine,
  ProposalLine,
  Report,
  ReportBaseline,
  ReportFilter,
  ReportSection,
  TextChange,
} from './types'

/** What a report is assembled from, all of it already cut down to what the reader may read. */
export interface ReportInput {
  negotiation: { id: string; name: string }
  since: Report['since']
  generatedAt: string
  filter: ReportFilter
  /** Events after the start, in log order (the newest ones when there were too many). */
  events: readonly NegotiationEvent[]
  /** True when older events after the start were left out to stay bounded. */
  eventsCut: boolean
  proposals: readonly Proposal[]
  positions: readonly Position[]
  /** Statements on issues and proposals the reader may read (issue 12); none if absent. */
  statements?: readonly Statement[]
  /** The issues statements are on: an issue's entries go under its first article. */
  issues?: ReadonlyArray<Pick<Issue, 'id' | 'title' | 'articleIds'>>
  /** The articles of the current text in order. */
  /** The current text's articles; `label` is what negotiators call one ("2 bis"). */
  articles: ReadonlyArray<{ id: string; number: number; label?: string; title: string }>
  baseline: ReportBaseline
  textChanges: readonly TextChange[]
  /** Changed articles beyond the cap on diffs: listed, not compared. */
  textChangesLeftOut: number
  /** Extra lines on the comparison's trustworthiness, from the caller. */
  caveats: readonly string[]
  actors: ReadonlyArray<{ id: string; name: string }>
}

// Events a report shows under another heading (positions come from the positions themselves),
// or not at all (administration of members and participants is not news for a capital).
const PROPOSAL_EVENTS = new Set([
  'proposal-tabled',
  'proposal-decided',
  'proposal-withdrawn',
  'proposal-reopened',
])
const OTHER_EVENTS = new Set([
  'round-opened',
  'round-closed',
  'article-added',
  'article-moved',
  'article-renamed',
  'article-deleted',
  // A session's text applied to an article, or left (issue 13), named by its session.
  'session-text-applied',
  'session-text-left',
])

const str = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : ''
const statusName = (s: unknown): string => STATUS_NAMES[s as keyof typeof STATUS_NAMES] ?? str(s)
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

function otherText(e: NegotiationEvent): string {
  const d = e.data
  switch (e.type) {
    case 'round-opened':
      return `Opened ${str(d.name) || 'a round'}`
    case 'round-closed':
      return str(d.snapshotName)
        ? `Closed the round, freezing the “${str(d.snapshotName)}”`
        : 'Closed the round'
    case 'article-added':
      return str(d.label ?? d.number)
        ? `Added the article as Article ${str(d.label ?? d.number)}`
        : 'Added the article'
    case 'article-moved':
      return str(d.fromLabel ?? d.fromNumber) && str(d.toLabel ?? d.toNumber)
        ? `Moved the article from Article ${str(d.fromLabel ?? d.fromNumber)} to Article ${str(d.toLabel ?? d.toNumber)}`
        : 'Moved the article'
    case 'article-renamed':
      return str(d.to) ? `Renamed the article “${str(d.to)}”` : 'Renamed the article'
    case 'session-text-applied':
    case 'session-text-left':
      // The server's sentence: "applied the wording from the Friends of the President on …".
      return capitalised(str(d.summary)) || 'Applied a session’s wording'
    default:
      return 'Deleted the article'
  }
}

const WHAT: Record<string, string> = {
  'proposal-tabled': 'Tabled',
  'proposal-withdrawn': 'Withdrawn',
  'proposal-reopened': 'Reopened',
}

/**
 * The report to capital: per article in the order of the current text (then the negotiation as
 * a whole, then articles no longer in the text), its text change against the baseline, the
 * edits on record, the proposals tabled and decided, the positions recorded, and other events;
 * narrowed by the filter. Pure: the caller reads, bounds and hides; this only arranges.
 */
export function assembleReport(input: ReportInput): Report {
  const actorName = new Map(input.actors.map((a) => [a.id, a.name]))
  const nameOf = (id: string) => actorName.get(id) ?? id
  const proposals = new Map(input.proposals.map((p) => [p.id, p]))
  const articles = new Set(input.filter.articles)
  const actors = new Set(input.filter.actors)
  const articleShown = (id: string | null) =>
    articles.size === 0 || (id !== null && articles.has(id))
  const proposalShown = (p: Proposal) =>
    actors.size === 0 || [...p.sponsors, ...p.coSponsors].some((a) => actors.has(a))

  const sections = new Map<string, ReportSection>()
  const sectionOf = (articleId: string | null): ReportSection => {
    const key = articleId ?? ''
    let s = sections.get(key)
    if (!s) {
      s = {
        articleId,
        heading: '',
        textChange: null,
        edits: [],
        proposals: [],
        positions: [],
        other: [],
      }
      sections.set(key, s)
    }
    return s
  }
  const ref = (p: Proposal) => (p.tabledSeq === null ? p.id : `P${p.tabledSeq}`)
  let synthetic = input.baseline.synthetic

  for (const change of input.textChanges) {
    if (articleShown(change.articleId)) sectionOf(change.articleId).textChange = change
  }
  for (const e of input.events) {
    const isSynthetic = e.data.synthetic === true
    if (e.type === 'text-edited' || OTHER_EVENTS.has(e.type)) {
      if (!articleShown(e.articleId)) continue
      if (actors.size > 0 && !(e.actorId !== null && actors.has(e.actorId))) continue
      synthetic ||= isSynthetic
      if (e.type === 'text-edited') {
        const edit: EditLine = {
          byName: e.byName,
          at: e.at,
          insertedChars: Number(e.data.insertedChars ?? 0),
          deletedChars: Number(e.data.deletedChars ?? 0),
          cleaning: describeCleaning(cleaningEditOf(e.data)),
          synthetic: isSynthetic,
        }
        sectionOf(e.articleId).edits.push(edit)
      } else {
        const line: OtherLine = {
          text: otherText(e),
          byName: e.byName,
          at: e.at,
          synthetic: isSynthetic,
        }
        sectionOf(e.articleId).other.push(line)
      }
      continue
    }
    if (!PROPOSAL_EVENTS.has(e.type) || e.proposalId === null) continue
    const p = proposals.get(e.proposalId)
    if (!p || !articleShown(p.articleId) || !proposalShown(p)) continue
    synthetic ||= isSynthetic || p.synthetic === true
    const line: ProposalLine = {
      proposalId: p.id,
      ref: ref(p),
      title: p.title,
      kind: describeKind(p.params),
      sponsors: p.sponsors.map(nameOf),
      what:
        e.type === 'proposal-decided'
          ? capitalised(statusName(e.data.to)) || 'Decided'
          : (WHAT[e.type] ?? e.type),
      byName: e.byName,
      at: e.at,
      status: statusName(p.status),
      wordingText: p.wordingText,
      synthetic: isSynthetic || p.synthetic === true,
    }
    sectionOf(p.articleId).proposals.push(line)
  }
  for (const pos of input.positions) {
    if (pos.recordedAt < input.since.at) continue
    const p = proposals.get(pos.proposalId)
    if (!p || !articleShown(p.articleId)) continue
    if (actors.size > 0 && !actors.has(pos.actorId) && !proposalShown(p)) continue
    const provenance = provenanceOfPosition(pos)
    synthetic ||= provenance === 'synthetic'
    const line: PositionLine = {
      proposalRef: ref(p),
      proposalTitle: p.title,
      actor: nameOf(pos.actorId),
      stance: pos.stance,
      source: pos.source,
      quote: pos.quote,
      at: pos.recordedAt,
      synthetic: provenance === 'synthetic',
      provenance,
      provenanceText: provenanceText(
        { provenance, source: pos.source, record: recordOfPosition(pos) },
        nameOf,
      ),
    }
    sectionOf(p.articleId).positions.push(line)
  }

  // Statements of the records the reader may read: on a proposal as its positions are, on an
  // issue under the issue's first article (or the negotiation as a whole).
  const issues = new Map((input.issues ?? []).map((i) => [i.id, i]))
  for (const st of input.statements ?? []) {
    if (st.recordedAt < input.since.at) continue
    if (actors.size > 0 && !actors.has(st.actorId) && st.target.kind === 'issue') continue
    let on: { articleId: string | null; ref: string; title: string }
    if (st.target.kind === 'proposal') {
      const p = proposals.get(st.target.proposalId)
      if (!p || !articleShown(p.articleId)) continue
      if (actors.size > 0 && !actors.has(st.actorId) && !proposalShown(p)) continue
      on = { articleId: p.articleId, ref: ref(p), title: p.title }
    } else {
      const issue = issues.get(st.target.issueId)
      if (!issue) continue
      if (articles.size > 0 && !issue.articleIds.some((a) => articles.has(a))) continue
      const articleId = issue.articleIds.find((a) => articleShown(a)) ?? null
      on = { articleId, ref: 'the issue', title: issue.title }
    }
    synthetic ||= st.provenance === 'synthetic'
    sectionOf(on.articleId).positions.push({
      proposalRef: on.ref,
      proposalTitle: on.title,
      actor: nameOf(st.actorId),
      stance: st.stance,
      source: st.source,
      quote: st.quote,
      at: st.recordedAt,
      synthetic: st.provenance === 'synthetic',
      provenance: st.provenance,
      provenanceText: provenanceText(st, nameOf),
    })
  }

  const ordered: ReportSection[] = []
  for (const a of input.articles) {
    const s = sections.get(a.id)
    if (!s) continue
    const label = a.label ?? String(a.number)
    s.heading = a.title ? `Article ${label} — ${a.title}` : `Article ${label}`
    ordered.push(s)
    sections.delete(a.id)
  }
  const general = sections.get('')
  sections.delete('')
  if (general) ordered.push({ ...general, heading: 'The negotiation as a whole' })
  for (const s of sections.values()) {
    const title = s.textChange?.titleBefore
    s.heading = `Article no longer in the text${title ? ` — ${title}` : ''}`
    ordered.push(s)
  }
  for (const s of ordered) s.positions.sort((a, b) => a.at.localeCompare(b.at))

  const cuts: string[] = []
  if (input.eventsCut) {
    cuts.push(
      `Earlier events in the period are left out: this report reads the newest ${input.events.length}. Choose a later start to see the rest.`,
    )
  }
  if (input.textChangesLeftOut > 0) {
    cuts.push(
      `${input.textChangesLeftOut} more changed article(s) are listed without their changes marked; open each article's history to compare them.`,
    )
  }
  const count = (f: (s: ReportSection) => number) => ordered.reduce((n, s) => n + f(s), 0)
  return {
    negotiation: input.negotiation,
    since: input.since,
    generatedAt: input.generatedAt,
    filter: input.filter,
    baseline: input.baseline,
    sections: ordered,
    cuts,
    caveats: [...input.caveats],
    synthetic,
    counts: {
      textChanges: count((s) => (s.textChange ? 1 : 0)),
      proposals: count((s) => s.proposals.length),
      positions: count((s) => s.positions.length),
      edits: count((s) => s.edits.length),
    },
  }
}
