import type { Participant } from '../../../../shared/domain/actors'
import type { ParticipantStore, ParticipantWrites } from '../ParticipantStore'
import { schemaLockKey, storeTransaction, type PgQueryable } from './storeTransaction'

interface ParticipantRow {
  actor_id: string
  user_state: boolean
  producer: boolean
  stockpiler: boolean
  affected: boolean
  note: string
  /** The rows of participant_rounds, by round id, aggregated by the same statement. */
  rounds: { round_id: string; attended: boolean; endorsed: boolean }[]
}

const toParticipant = (row: ParticipantRow): Participant => {
  const p: Participant = {
    actorId: row.actor_id,
    flags: {
      user: row.user_state,
      producer: row.producer,
      stockpiler: row.stockpiler,
      affected: row.affected,
    },
    note: row.note,
    rounds: {},
  }
  for (const r of row.rounds) p.rounds[r.round_id] = { attended: r.attended, endorsed: r.endorsed }
  return p
}

// A participant's columns and its round records (SQLite reads them in primary-key order).
const SELECT = `SELECT p.actor_id, p.user_state, p.producer, p.stockpiler, p.affected, p.note,
    COALESCE((SELECT json_agg(json_build_object('round_id', r.round_id,
        'attended', r.attended, 'endorsed', r.endorsed) ORDER BY r.round_id COLLATE "C")
      FROM participant_rounds r
      WHERE r.negotiation_id = p.negotiation_id AND r.actor_id = p.actor_id), '[]') AS rounds
  FROM participants p`

/** Participants in the `participants` and `participant_rounds` tables of PostgreSQL. */
export class PgParticipantStore implements ParticipantStore, ParticipantWrites {
  constructor(private readonly db: PgQueryable) {}

  /** The same object: its `replaceAll` is the write `storage.atomically` hands out. */
  get writes(): ParticipantWrites {
    return this
  }

  /** The participants of a negotiation, by actor id, in one statement. */
  async list(negotiationId: string): Promise<Participant[]> {
    const { rows } = await this.db.query<ParticipantRow>(
      `${SELECT} WHERE p.negotiation_id = $1 ORDER BY p.actor_id`,
      [negotiationId],
    )
    return rows.map(toParticipant)
  }

  /** One participant, or null. */
  async get(negotiationId: string, actorId: string): Promise<Participant | null> {
    return read(this.db, negotiationId, actorId)
  }

  /**
   * Read, change and write one participant in one transaction, under a lock on that participant
   * (it may not exist yet, so no row lock would do): another instance's change waits for it.
   */
  async update(
    negotiationId: string,
    actorId: string,
    change: (current: Participant | null) => Participant,
  ): Promise<Participant> {
    return storeTransaction(this.db, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${schemaLockKey('$1')})`, [
        `participant:${negotiationId}/${actorId}`,
      ])
      const next = change(await read(client, negotiationId, actorId))
      if (next.actorId !== actorId) throw new Error('a change cannot rename a participant')
      await write(client, negotiationId, [next])
      return next
    })
  }

  /** Deletes one participant; its round records go with it (ON DELETE CASCADE). */
  async remove(negotiationId: string, actorId: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'DELETE FROM participants WHERE negotiation_id = $1 AND actor_id = $2',
      [negotiationId, actorId],
    )
    return (rowCount ?? 0) > 0
  }

  /** Deletes a negotiation's participants and inserts the new ones, all or nothing. */
  async replaceAll(negotiationId: string, participants: readonly Participant[]): Promise<void> {
    await storeTransaction(this.db, async (client) => {
      await client.query('DELETE FROM participant_rounds WHERE negotiation_id = $1', [
        negotiationId,
      ])
      await client.query('DELETE FROM participants WHERE negotiation_id = $1', [negotiationId])
      await write(client, negotiationId, participants)
    })
  }
}

async function read(
  db: PgQueryable,
  negotiationId: string,
  actorId: string,
): Promise<Participant | null> {
  const { rows } = await db.query<ParticipantRow>(
    `${SELECT} WHERE p.negotiation_id = $1 AND p.actor_id = $2`,
    [negotiationId, actorId],
  )
  return rows[0] ? toParticipant(rows[0]) : null
}

// Upserts the participants and replaces their round records, three statements however many.
// Only rounds with something recorded get a row; a missing row reads as "no" and "no".
async function write(
  db: PgQueryable,
  negotiationId: string,
  given: readonly Participant[],
): Promise<void> {
  // One row per actor, the last given winning, as writing them one by one would leave it.
  const participants = [...new Map(given.map((p) => [p.actorId, p])).values()]
  if (participants.length === 0) return
  const ids = participants.map((p) => p.actorId)
  await db.query(
    `INSERT INTO participants
       (negotiation_id, actor_id, user_state, producer, stockpiler, affected, note)
     SELECT $1, * FROM unnest($2::text[], $3::boolean[], $4::boolean[], $5::boolean[],
       $6::boolean[], $7::text[])
     ON CONFLICT (negotiation_id, actor_id) DO UPDATE SET
       user_state = excluded.user_state, producer = excluded.producer,
       stockpiler = excluded.stockpiler, affected = excluded.affected, note = excluded.note`,
    [
      negotiationId,
      ids,
      participants.map((p) => p.flags.user),
      participants.map((p) => p.flags.producer),
      participants.map((p) => p.flags.stockpiler),
      participants.map((p) => p.flags.affected),
      participants.map((p) => p.note),
    ],
  )
  await db.query(
    'DELETE FROM participant_rounds WHERE negotiation_id = $1 AND actor_id = ANY($2::text[])',
    [negotiationId, ids],
  )
  const records = participants.flatMap((p) =>
    Object.entries(p.rounds)
      .filter(([, r]) => r.attended || r.endorsed)
      .map(([roundId, r]) => ({ actorId: p.actorId, roundId, ...r })),
  )
  if (records.length === 0) return
  await db.query(
    `INSERT INTO participant_rounds (negotiation_id, actor_id, round_id, attended, endorsed)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::boolean[], $5::boolean[])`,
    [
      negotiationId,
      records.map((r) => r.actorId),
      records.map((r) => r.roundId),
      records.map((r) => !!r.attended),
      records.map((r) => !!r.endorsed),
    ],
  )
}
