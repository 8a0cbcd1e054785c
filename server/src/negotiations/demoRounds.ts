import fs from 'node:fs'
import path from 'node:path'
import type { Node } from 'prosemirror-model'
import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import * as Y from 'yjs'
import { z } from 'zod'
import { TEXT_FRAGMENT } from '../../../shared/collab'
import type { EventType, NewEvent } from '../../../shared/domain/events'
import { parseTreatyText } from '../../../shared/domain/importText'
import type { Position, Proposal, StatusChange } from '../../../shared/domain/proposals/types'
import { defaultSnapshotName, type Round } from '../../../shared/domain/rounds'
import { treatySchema } from '../../../shared/schema'
import { newEvent } from '../history/events'
import type { StoredRoundSnapshot } from '../storage/RoundStore'
import type { StorageTransaction } from '../storage/Storage'
import { fixturePath } from '../paths'

/** The folder of the synthetic discussion texts of the demo's earlier rounds. */
export const DEMO_ROUNDS = fixturePath('rounds')

/** Who the demo's synthetic round events name. */
const DEMO_CHAIR = 'Chair (demo scenario)'

const ArticleIdsSchema = z.record(
  z.string(),
  z.union([z.string(), z.object({ file: z.string(), ids: z.array(z.string().min(1)) })]),
)

/** The demo's rounds as they stand on a first start, with the texts frozen when they closed. */
export interface DemoRounds {
  /** Texts frozen at the close of the rounds that had one (Lima, Vienna, Wellington). */
  snapshots: StoredRoundSnapshot[]
  /** Rounds closed without a text (Oslo). */
  ended: { roundId: string; at: string }[]
  /** The round open now (Dublin, whose text is the live one), if any. */
  open: { roundId: string; at: string } | null
  /** Opened and closed events of the rounds, and the proposals' and positions' events. */
  events: NewEvent[]
}

/**
 * Reads the synthetic texts of the demo's earlier rounds (fixtures/rounds/*.txt), giving each
 * article the stable id `article-ids.json` names for it, so that "Article 3 in Lima" is found
 * as the same article as "Article 2 in Vienna". Every round before the last is closed, those
 * with a text frozen; the last is open and its text is the live one. Throws if a file does not
 * parse or its article count differs from its ids.
 */
export function readDemoRounds(
  negotiationId: string,
  rounds: readonly Round[],
  dir: string = DEMO_ROUNDS,
): DemoRounds {
  const mapping = ArticleIdsSchema.parse(
    JSON.parse(fs.readFileSync(path.join(dir, 'article-ids.json'), 'utf8')),
  )
  const snapshots: StoredRoundSnapshot[] = []
  const ended: DemoRounds['ended'] = []
  const events: NewEvent[] = []
  const last = rounds[rounds.length - 1]
  const opened = (r: Round) => `${r.startDate}T09:00:00.000Z`
  const closed = (r: Round) => `${r.endDate}T18:00:00.000Z`
  const roundEvent = (type: EventType, r: Round, at: string, data: Record<string, unknown>) =>
    newEvent({
      negotiationId,
      type,
      at,
      accountId: null,
      byName: DEMO_CHAIR,
      roundId: r.id,
      data: { ...data, synthetic: true },
    })
  for (const round of rounds) {
    events.push(roundEvent('round-opened', round, opened(round), { name: round.name }))
    if (round === last) continue
    const entry = mapping[round.id]
    if (entry === undefined || typeof entry === 'string') {
      ended.push({ roundId: round.id, at: closed(round) })
      events.push(roundEvent('round-closed', round, closed(round), {}))
      continue
    }
    const file = path.join(dir, entry.file)
    const doc = withArticleIds(parseRoundText(file), entry.ids, file)
    const snapshot: StoredRoundSnapshot = {
      roundId: round.id,
      name: defaultSnapshotName(round),
      closedAt: closed(round),
      closedBy: DEMO_CHAIR,
      doc: doc.toJSON(),
      state: encodeText(doc),
      synthetic: true,
    }
    snapshots.push(snapshot)
    events.push(roundEvent('round-closed', round, closed(round), { snapshotName: snapshot.name }))
  }
  return {
    snapshots,
    ended,
    open: last ? { roundId: last.id, at: opened(last) } : null,
    events,
  }
}

/** Stores the demo's rounds in the first start's transaction, with every event in time order. */
export async function writeDemoRounds(
  tx: StorageTransaction,
  negotiationId: string,
  demo: DemoRounds,
  proposalEvents: NewEvent[],
): Promise<void> {
  for (const e of demo.events) {
    if (e.type === 'round-opened' && e.roundId) await tx.rounds.open(negotiationId, e.roundId, e.at)
  }
  for (const s of demo.snapshots) await tx.rounds.close(negotiationId, s)
  for (const { roundId, at } of demo.ended) await tx.rounds.end(negotiationId, roundId, at)
  const all = [...demo.events, ...proposalEvents].sort((a, b) => a.at.localeCompare(b.at))
  for (const e of all) await tx.events.append(e)
}

const DECISIONS: Partial<Record<StatusChange['to'], string>> = {
  bracketed: 'bracket',
  'under-consultation': 'consult',
  incorporated: 'incorporate',
  rejected: 'reject',
  deferred: 'defer',
}

/** The events the demo's proposal histories and positions stand for, as the commands append them. */
export function demoProposalEvents(proposals: Proposal[], positions: Position[]): NewEvent[] {
  const events: NewEvent[] = []
  for (const p of proposals) {
    for (const c of p.history) {
      const type: EventType =
        c.from === null
          ? 'proposal-created'
          : c.to === 'tabled' && c.from === 'draft'
            ? 'proposal-tabled'
            : c.to === 'tabled' && c.from === 'deferred'
              ? 'proposal-reopened'
              : c.to === 'withdrawn'
                ? 'proposal-withdrawn'
                : 'proposal-decided'
      const decision = type === 'proposal-decided' ? DECISIONS[c.to] : undefined
      events.push(
        newEvent({
          negotiationId: p.negotiationId,
          type,
          at: c.at,
          accountId: null,
          byName: c.byName,
          actorId: c.actorId,
          roundId: c.roundId,
          articleId: p.articleId,
          proposalId: p.id,
          data: {
            ...(decision ? { decision } : {}),
            from: c.from,
            to: c.to,
            ...(c.deferredTo ? { deferredTo: c.deferredTo } : {}),
            ...(c.note ? { note: c.note } : {}),
            synthetic: true,
          },
        }),
      )
    }
  }
  const proposal = new Map(proposals.map((p) => [p.id, p]))
  for (const q of positions) {
    const p = proposal.get(q.proposalId)
    events.push(
      newEvent({
        negotiationId: p?.negotiationId ?? '',
        type: 'position-recorded',
        at: q.recordedAt,
        accountId: null,
        byName: q.recordedBy,
        actorId: q.actorId,
        roundId: q.roundId,
        articleId: p?.articleId ?? null,
        proposalId: q.proposalId,
        data: {
          positionId: q.id,
          stance: q.stance,
          source: q.source,
          quote: q.quote,
          synthetic: true,
        },
      }),
    )
  }
  return events
}

function parseRoundText(file: string): Node {
  const parsed = parseTreatyText(fs.readFileSync(file, 'utf8'))
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`)
  return parsed.doc
}

// The parser numbers ids art-1, art-2, ... by position; a round's ids are those of the adopted
// text's articles they became.
function withArticleIds(doc: Node, ids: readonly string[], file: string): Node {
  const articles: Node[] = []
  doc.forEach((node) => {
    if (node.type.name === 'article') articles.push(node)
  })
  if (articles.length !== ids.length || new Set(ids).size !== ids.length) {
    throw new Error(`${file}: ${articles.length} articles, but ${ids.length} distinct ids`)
  }
  let i = 0
  const children: Node[] = []
  doc.forEach((node) => {
    children.push(
      node.type.name === 'article'
        ? treatySchema.node('article', { id: ids[i++] }, node.content)
        : node,
    )
  })
  const renamed = treatySchema.node('doc', null, children)
  renamed.check()
  return renamed
}

function encodeText(doc: Node): Uint8Array {
  const ydoc = new Y.Doc()
  try {
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(TEXT_FRAGMENT))
    return Y.encodeStateAsUpdate(ydoc)
  } finally {
    ydoc.destroy()
  }
}
