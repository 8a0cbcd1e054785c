import type { Node } from 'prosemirror-model'
import type { NegotiationEvent } from '../../../shared/domain/events'
import { diffSteps } from '../../../shared/domain/diff'
import { formatDay } from '../../../shared/domain/export'
import { outlineOf } from '../../../shared/domain/numbering'
import { mayReadRecordEntry, type Principal } from '../../../shared/domain/policy'
import type { Proposal } from '../../../shared/domain/proposals/types'
import { assembleReport } from '../../../shared/domain/report/assemble'
import { changedArticles } from '../../../shared/domain/report/changedArticles'
import type {
  Report,
  ReportBaseline,
  ReportFilter,
  ReportSince,
  TextChange,
} from '../../../shared/domain/report/types'
import { treatySchema } from '../../../shared/schema'
import { listActors } from '../actors/catalogue'
import type { RoomRegistry } from '../collab/rooms'
import { liveText } from '../exports/textVersion'
import { HttpError } from '../http/errors'
import { draftAccess } from '../proposals/visibility'
import type { Storage } from '../storage/Storage'
import { Limiter } from '../work/Limiter'
import { inSlices, yieldToOthers } from '../work/slices'
import { eventsSince, textEventsBetween } from './reportEvents'
import { reportStart, type ReportStart } from './reportStart'

/** The most changed articles one report marks word by word; the rest are listed. */
export const REPORT_MAX_DIFFS = 40

// One report at a time computes its diffs (each in slices); a few more wait, the rest are busy.
const reports = new Limiter(1, 8)

/** Who reads a report of which negotiation. */
export interface ReportContext {
  storage: Storage
  registry: RoomRegistry
  principal: Principal
  negotiation: { id: string; name: string }
}

/** The text a report compares against, and what to say about it. */
interface Baseline {
  doc: Node | null
  meta: ReportBaseline
  caveats: string[]
}

async function baselineOf(ctx: ReportContext, start: ReportStart): Promise<Baseline> {
  const { storage } = ctx
  const id = ctx.negotiation.id
  const frozen = (await storage.rounds.list(id)).filter(
    (r) => r.closedAt !== null && r.snapshotName !== null && r.closedAt <= start.at,
  )
  const round = start.roundId
    ? frozen.find((r) => r.id === start.roundId)
    : frozen.sort((a, b) => String(a.closedAt).localeCompare(String(b.closedAt))).at(-1)
  const snapshot = round ? await storage.rounds.snapshot(id, round.id) : null
  if (!round || !snapshot) {
    return {
      doc: null,
      meta: { name: null, at: null, exact: false, synthetic: false },
      caveats: [
        `No text was frozen before ${formatDay(start.at)}, so the text as it stood then cannot be rebuilt: this report lists who edited which article, without marking the changes.`,
      ],
    }
  }
  const meta = {
    name: snapshot.name,
    at: snapshot.closedAt,
    synthetic: snapshot.synthetic === true,
  }
  const doc = treatySchema.nodeFromJSON(snapshot.doc)
  if (start.roundId) return { doc, meta: { ...meta, exact: true }, caveats: [] }
  // Not exact even without events in between: a text loaded or imported after the close
  // differs from the frozen one with nothing in the log to say so.
  const between = await textEventsBetween(storage, id, snapshot.closedAt, start.at)
  return {
    doc,
    meta: { ...meta, exact: false },
    caveats: [
      `Plenary keeps frozen texts, not the text at every moment: the changes are marked against the ${snapshot.name} (frozen ${formatDay(snapshot.closedAt)}), so an article changed in this period also shows what changed in it between then and the start of this report (${between === null ? 'many' : between} change(s) on record); articles changed only before the start are left out. The edits listed under each article are those since the start.`,
    ],
  }
}

// The articles whose words the period's events changed: edited, added, moved, renamed, deleted,
// given a session's wording, or with a proposal incorporated into them.
function touchedArticles(events: readonly NegotiationEvent[], proposals: readonly Proposal[]) {
  const articleOf = new Map(proposals.map((p) => [p.id, p.articleId]))
  const touched = new Set<string>()
  for (const e of events) {
    if (
      e.type === 'text-edited' ||
      e.type === 'session-text-applied' ||
      e.type.startsWith('article-')
    ) {
      if (e.articleId) touched.add(e.articleId)
    } else if (e.type === 'proposal-decided' && e.data.to === 'incorporated' && e.proposalId) {
      const id = e.articleId ?? articleOf.get(e.proposalId)
      if (id) touched.add(id)
    }
  }
  return touched
}

async function textChangesOf(
  before: Node | null,
  now: Node,
  filter: ReportFilter,
  only: ReadonlySet<string> | null,
): Promise<{ changes: TextChange[]; leftOut: number }> {
  if (!before) return { changes: [], leftOut: 0 }
  const wanted = new Set(filter.articles)
  const changed = changedArticles(before, now).filter(
    (c) =>
      (wanted.size === 0 || wanted.has(c.articleId)) && (only === null || only.has(c.articleId)),
  )
  const changes: TextChange[] = []
  for (const [i, c] of changed.entries()) {
    const compared = i < REPORT_MAX_DIFFS
    const diff = compared
      ? await inSlices(diffSteps(c.textBefore, c.textNow))
      : { granularity: 'text' as const, parts: [] }
    changes.push({
      articleId: c.articleId,
      change: c.change,
      titleBefore: c.titleBefore,
      titleNow: c.titleNow,
      diff: diff.parts,
      granularity: diff.granularity,
      compared,
    })
  }
  return { changes, leftOut: Math.max(0, changed.length - REPORT_MAX_DIFFS) }
}

/**
 * The report to capital for the principal: events after the start that the reader may see
 * (another delegation's drafts and their events stay hidden; notes are never in it), the
 * proposals and positions they name, and each changed article's text against the baseline,
 * bounded in events read and articles compared. 503 when too many reports are being made.
 */
export async function readReport(
  ctx: ReportContext,
  since: ReportSince,
  filter: ReportFilter,
  now: Date = new Date(),
): Promise<Report> {
  const result = await reports.run(async () => {
    const { storage, principal } = ctx
    const id = ctx.negotiation.id
    const start = await reportStart(storage, id, principal.accountId, since, now)
    const proposals = (await storage.proposals.list(id)).filter(
      (p) => draftAccess(principal, p) !== 'none',
    )
    const visible = new Set(proposals.map((p) => p.id))
    const positions = (await storage.proposals.listPositions(id)).filter((p) =>
      visible.has(p.proposalId),
    )
    // Statements on issues and proposals in the records the reader may read (issue 12).
    const statements = (await storage.issues.listStatements(id)).filter(
      (s) =>
        mayReadRecordEntry(principal, s) &&
        (s.target.kind === 'issue' || visible.has(s.target.proposalId)),
    )
    const issues = await storage.issues.list(id)
    const { events, cut } = await eventsSince(
      storage,
      id,
      start.at,
      (e) => e.proposalId === null || visible.has(e.proposalId),
    )
    const baseline = await baselineOf(ctx, start)
    const live = await liveText(ctx.registry, id)
    await yieldToOthers()
    // Against an older baseline, an article the period's events did not touch changed before
    // the start: it is not news of the period, so only touched articles are compared.
    const only = baseline.meta.exact ? null : touchedArticles(events, proposals)
    const text = await textChangesOf(baseline.doc, live, filter, only)
    return assembleReport({
      negotiation: ctx.negotiation,
      since: { kind: start.kind, at: start.at, label: start.label },
      generatedAt: now.toISOString(),
      filter,
      events,
      eventsCut: cut,
      proposals,
      positions,
      statements,
      issues,
      articles: outlineOf(live),
      baseline: baseline.meta,
      textChanges: text.changes,
      textChangesLeftOut: text.leftOut,
      // What the comparison can be trusted for matters only where something was compared.
      caveats: text.changes.length > 0 || baseline.doc === null ? baseline.caveats : [],
      actors: listActors(),
    })
  })
  if (!result.ok) {
    throw new HttpError(
      503,
      'busy',
      'The server is making several reports at once; try again in a moment.',
    )
  }
  return result.value
}
