import type { Node } from 'prosemirror-model'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import { articleVersion, type ArticleVersion } from '../../../shared/domain/articleText'
import { diffWords } from '../../../shared/domain/diff'
import type { NegotiationEvent } from '../../../shared/domain/events'
import type { Principal } from '../../../shared/domain/policy'
import type { Position, Proposal } from '../../../shared/domain/proposals/types'
import { treatySchema } from '../../../shared/schema'
import type { RoomRegistry } from '../collab/rooms'
import { HttpError } from '../http/errors'
import { draftAccess } from '../proposals/visibility'
import type { Storage } from '../storage/Storage'

/** Who reads an article's history in which negotiation. */
export interface HistoryContext {
  storage: Storage
  registry: RoomRegistry
  principal: Principal
  negotiationId: string
}

/** One version of an article: as frozen when a round closed (roundId), or now (roundId null). */
export interface VersionJson {
  roundId: string | null
  roundName: string | null
  snapshotName: string | null
  /** What to call the version: the frozen text's name, or "Current text". */
  name: string
  closedAt: string | null
  number: number
  title: string
  text: string
}

/** The name of the live text among the versions. */
export const CURRENT_TEXT = 'Current text'

// Every text an article may be read in: each closed round's frozen text in round order, then now.
async function texts(
  ctx: HistoryContext,
): Promise<{ key: string; meta: Omit<VersionJson, 'number' | 'title' | 'text'>; doc: Node }[]> {
  const [rounds, snapshots] = await Promise.all([
    ctx.storage.rounds.list(ctx.negotiationId),
    ctx.storage.rounds.snapshots(ctx.negotiationId),
  ])
  const frozen = snapshots.map((s) => ({
    key: s.roundId,
    meta: {
      roundId: s.roundId,
      roundName: rounds.find((r) => r.id === s.roundId)?.name ?? null,
      snapshotName: s.name,
      name: s.name,
      closedAt: s.closedAt,
    },
    doc: treatySchema.nodeFromJSON(s.doc),
  }))
  const text = roomName({ negotiationId: ctx.negotiationId, kind: 'text' })
  const now = await ctx.registry.read(text, (ydoc) =>
    yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), treatySchema),
  )
  const current = {
    key: 'current',
    meta: {
      roundId: null,
      roundName: null,
      snapshotName: null,
      name: CURRENT_TEXT,
      closedAt: null,
    },
    doc: now,
  }
  return [...frozen, current]
}

const articleNotFound = (id: string) =>
  new HttpError(404, 'article_not_found', `No article "${id}" in any text of this negotiation.`)

/**
 * An article across rounds, followed by its stable id whatever its number: its wording in each
 * closed round's text where it exists and now; the proposals on it (those the caller may see)
 * with their status history and positions; and the events about it. With `actor`, only the
 * proposals that actor sponsors, co-sponsors or took a position on, and that actor's events.
 */
export async function articleHistory(ctx: HistoryContext, articleId: string, actor?: string) {
  const all = await texts(ctx)
  const versions: VersionJson[] = []
  for (const t of all) {
    const v = articleVersion(t.doc, articleId)
    if (v) versions.push({ ...t.meta, number: v.number, title: v.title, text: v.text })
  }
  const current = versions.find((v) => v.roundId === null)
  const latest = versions[versions.length - 1]
  if (!latest) throw articleNotFound(articleId)

  const [proposals, positions, events] = await Promise.all([
    ctx.storage.proposals.list(ctx.negotiationId),
    ctx.storage.proposals.listPositions(ctx.negotiationId),
    ctx.storage.events.list(ctx.negotiationId, { articleId }),
  ])
  const visible = new Map(
    proposals
      .filter((p) => draftAccess(ctx.principal, p) !== 'none')
      .map((p) => [p.id, p] as const),
  )
  const positionsOf = new Map<string, Position[]>()
  for (const p of positions) {
    const list = positionsOf.get(p.proposalId) ?? []
    list.push(p)
    positionsOf.set(p.proposalId, list)
  }
  const concerns = (p: Proposal) =>
    actor === undefined ||
    p.sponsors.includes(actor) ||
    p.coSponsors.includes(actor) ||
    (positionsOf.get(p.id) ?? []).some((q) => q.actorId === actor)
  const onArticle = [...visible.values()].filter((p) => p.articleId === articleId && concerns(p))
  const shownEvent = (e: NegotiationEvent) =>
    (e.proposalId === null || visible.has(e.proposalId)) &&
    (actor === undefined || e.actorId === actor)
  return {
    article: {
      id: articleId,
      currentNumber: current?.number ?? null,
      currentTitle: current?.title ?? latest.title,
    },
    versions: versions.length > 0 && !current ? [...versions, absentNow()] : versions,
    proposals: onArticle.map((p) => ({ ...p, positions: positionsOf.get(p.id) ?? [] })),
    events: events.filter(shownEvent),
  }
}

// A deleted article still has a "current text", in which it is absent.
const absentNow = () => ({
  roundId: null,
  roundName: null,
  snapshotName: null,
  name: CURRENT_TEXT,
  closedAt: null,
  number: null,
  title: '',
  text: '',
})

/**
 * A word-level diff of an article between two versions, each a closed round's id or
 * 'current'; where the article is absent from a version its text is empty.
 */
export async function articleDiff(
  ctx: HistoryContext,
  articleId: string,
  from: string,
  to: string,
) {
  const all = await texts(ctx)
  const pick = (key: string) => {
    const t = all.find((x) => x.key === key)
    if (!t) {
      throw new HttpError(
        404,
        'version_not_found',
        `No text "${key}": name a closed round's id or "current".`,
      )
    }
    return { ...t.meta, key, version: articleVersion(t.doc, articleId) }
  }
  const a = pick(from)
  const b = pick(to)
  if (!a.version && !b.version) throw articleNotFound(articleId)
  const side = ({ version, ...meta }: typeof a) => ({
    ...meta,
    number: version?.number ?? null,
    title: version?.title ?? '',
  })
  const text = (v: ArticleVersion | null) => v?.text ?? ''
  return {
    from: side(a),
    to: side(b),
    titleDiff: diffWords(a.version?.title ?? '', b.version?.title ?? ''),
    diff: diffWords(text(a.version), text(b.version)),
  }
}
