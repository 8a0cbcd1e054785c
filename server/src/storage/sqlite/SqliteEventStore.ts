import type Database from 'better-sqlite3'
import type {
  EventFilter,
  EventType,
  NegotiationEvent,
  NewEvent,
} from '../../../../shared/domain/events'
import type { EventStore } from '../EventStore'
import { WriteGate } from './WriteGate'

interface EventRow {
  seq: number
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
  seq: row.seq,
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

/** The event log in the shared SQLite database; `appendNow` is the synchronous append. */
export class SqliteEventStore implements EventStore {
  private readonly insert

  constructor(
    private readonly db: Database.Database,
    private readonly gate = new WriteGate(),
  ) {
    this.insert = db.prepare(
      `INSERT INTO events (negotiation_id, type, at, account_id, by_name, actor_id, round_id,
         article_id, proposal_id, data)
       VALUES (@negotiation_id, @type, @at, @account_id, @by_name, @actor_id, @round_id,
         @article_id, @proposal_id, @data)`,
    )
  }

  /** Appends one event now (inside a transaction if one is running); answers it with its seq. */
  appendNow(e: NewEvent): NegotiationEvent {
    const { lastInsertRowid } = this.insert.run({
      negotiation_id: e.negotiationId,
      type: e.type,
      at: e.at,
      account_id: e.accountId,
      by_name: e.byName,
      actor_id: e.actorId,
      round_id: e.roundId,
      article_id: e.articleId,
      proposal_id: e.proposalId,
      data: JSON.stringify(e.data),
    })
    return { ...e, seq: Number(lastInsertRowid) }
  }

  /** Appends one event on its own. */
  append(e: NewEvent): Promise<NegotiationEvent> {
    return this.gate.write(() => this.appendNow(e))
  }

  /** Events in seq order (or newest first), narrowed by the filter. */
  async list(negotiationId: string, filter: EventFilter = {}): Promise<NegotiationEvent[]> {
    const where = ['negotiation_id = ?']
    const args: (string | number)[] = [negotiationId]
    const eq = (column: string, value: string | undefined) => {
      if (value === undefined) return
      where.push(`${column} = ?`)
      args.push(value)
    }
    eq('article_id', filter.articleId)
    eq('proposal_id', filter.proposalId)
    eq('actor_id', filter.actorId)
    if (filter.types && filter.types.length > 0) {
      where.push(`type IN (${filter.types.map(() => '?').join(', ')})`)
      args.push(...filter.types)
    }
    if (filter.afterSeq !== undefined) {
      where.push('seq > ?')
      args.push(filter.afterSeq)
    }
    if (filter.beforeSeq !== undefined) {
      where.push('seq < ?')
      args.push(filter.beforeSeq)
    }
    const limit =
      filter.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`
    const order = filter.newestFirst ? 'seq DESC' : 'seq'
    const sql = `SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY ${order}${limit}`
    return this.db
      .prepare<(string | number)[], EventRow>(sql)
      .all(...args)
      .map(toEvent)
  }
}
