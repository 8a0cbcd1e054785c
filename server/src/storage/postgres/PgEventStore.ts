import type {
  EventFilter,
  EventType,
  NegotiationEvent,
  NewEvent,
} from '../../../../shared/domain/events'
import type { EventStore, EventWrites } from '../EventStore'
import type { PgQueryable } from './storeTransaction'

interface EventRow {
  seq: string
  negotiation_id: string
  type: string
  at: string
  account_id: string | null
  by_name: string
  actor_id: string | null
  round_id: string | null
  article_id: string | null
  proposal_id: string | null
  data: string
}

const toEvent = (row: EventRow): NegotiationEvent => ({
  seq: Number(row.seq),
  negotiationId: row.negotiation_id,
  type: row.type as EventType,
  at: row.at,
  accountId: row.account_id,
  byName: row.by_name,
  actorId: row.actor_id,
  roundId: row.round_id,
  articleId: row.article_id,
  proposalId: row.proposal_id,
  data: JSON.parse(row.data) as Record<string, unknown>,
})

const COLUMNS = `seq, negotiation_id, type, at, account_id, by_name, actor_id, round_id,
  article_id, proposal_id, data`

/**
 * The event log in PostgreSQL (append-only by trigger). Each negotiation's events are numbered
 * from its own counter row, which the append locks until its transaction ends: seqs commit in
 * their order, so a reader polling with `afterSeq` (the search indexer, the history page) never
 * misses an event that committed after a higher one.
 */
export class PgEventStore implements EventStore, EventWrites {
  constructor(private readonly db: PgQueryable) {}

  /** The same object: its `append` is the write `storage.atomically` hands out. */
  get writes(): EventWrites {
    return this
  }

  /** Appends one event (one statement: in the caller's transaction, or its own); answers its seq. */
  async append(e: NewEvent): Promise<NegotiationEvent> {
    const { rows } = await this.db.query<{ seq: string }>(
      `WITH next AS (
           INSERT INTO event_seqs (negotiation_id, seq) VALUES ($1, 1)
           ON CONFLICT (negotiation_id) DO UPDATE SET seq = event_seqs.seq + 1
           RETURNING seq)
         INSERT INTO events (negotiation_id, seq, type, at, account_id, by_name, actor_id,
           round_id, article_id, proposal_id, data)
         SELECT $1, next.seq, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM next
         RETURNING seq`,
      [
        e.negotiationId,
        e.type,
        e.at,
        e.accountId,
        e.byName,
        e.actorId,
        e.roundId,
        e.articleId,
        e.proposalId,
        JSON.stringify(e.data),
      ],
    )
    return { ...e, seq: Number(rows[0]?.seq) }
  }

  /** Events in seq order (or newest first), narrowed by the filter. */
  async list(negotiationId: string, filter: EventFilter = {}): Promise<NegotiationEvent[]> {
    const where = ['negotiation_id = $1']
    const args: unknown[] = [negotiationId]
    const add = (sql: (param: string) => string, value: unknown) => {
      args.push(value)
      where.push(sql(`$${args.length}`))
    }
    if (filter.articleId !== undefined) add((p) => `article_id = ${p}`, filter.articleId)
    if (filter.proposalId !== undefined) add((p) => `proposal_id = ${p}`, filter.proposalId)
    if (filter.actorId !== undefined) add((p) => `actor_id = ${p}`, filter.actorId)
    if (filter.types && filter.types.length > 0)
      add((p) => `type = ANY(${p}::text[])`, filter.types)
    if (filter.afterSeq !== undefined) add((p) => `seq > ${p}`, filter.afterSeq)
    if (filter.beforeSeq !== undefined) add((p) => `seq < ${p}`, filter.beforeSeq)
    const limit =
      filter.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`
    const order = filter.newestFirst ? 'seq DESC' : 'seq'
    const { rows } = await this.db.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY ${order}${limit}`,
      args,
    )
    return rows.map(toEvent)
  }
}
