import type Database from 'better-sqlite3'
import type { Participant } from '../../../../shared/domain/actors'
import type { ParticipantStore, ParticipantWrites } from '../ParticipantStore'
import type { Synchronous } from './promised'
import { WriteGate } from './WriteGate'

interface ParticipantRow {
  actor_id: string
  user_state: number
  producer: number
  stockpiler: number
  affected: number
  note: string
}

interface RoundRow {
  actor_id: string
  round_id: string
  attended: number
  endorsed: number
}

const bit = (b: boolean) => (b ? 1 : 0)

const toParticipant = (row: ParticipantRow): Participant => ({
  actorId: row.actor_id,
  flags: {
    user: row.user_state === 1,
    producer: row.producer === 1,
    stockpiler: row.stockpiler === 1,
    affected: row.affected === 1,
  },
  note: row.note,
  rounds: {},
})

/** Participants in the `participants` and `participant_rounds` tables of the SQLite database. */
export class SqliteParticipantStore implements ParticipantStore {
  private readonly stmt

  constructor(
    private readonly db: Database.Database,
    private readonly gate = new WriteGate(),
  ) {
    const columns = 'actor_id, user_state, producer, stockpiler, affected, note'
    this.stmt = {
      list: db.prepare<[string], ParticipantRow>(
        `SELECT ${columns} FROM participants WHERE negotiation_id = ? ORDER BY actor_id`,
      ),
      get: db.prepare<[string, string], ParticipantRow>(
        `SELECT ${columns} FROM participants WHERE negotiation_id = ? AND actor_id = ?`,
      ),
      rounds: db.prepare<[string], RoundRow>(
        `SELECT actor_id, round_id, attended, endorsed FROM participant_rounds
         WHERE negotiation_id = ?`,
      ),
      roundsOf: db.prepare<[string, string], RoundRow>(
        `SELECT actor_id, round_id, attended, endorsed FROM participant_rounds
         WHERE negotiation_id = ? AND actor_id = ?`,
      ),
      put: db.prepare<[string, string, number, number, number, number, string]>(
        `INSERT INTO participants
           (negotiation_id, actor_id, user_state, producer, stockpiler, affected, note)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (negotiation_id, actor_id) DO UPDATE SET
           user_state = excluded.user_state, producer = excluded.producer,
           stockpiler = excluded.stockpiler, affected = excluded.affected, note = excluded.note`,
      ),
      putRound: db.prepare<[string, string, string, number, number]>(
        `INSERT INTO participant_rounds (negotiation_id, actor_id, round_id, attended, endorsed)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      deleteRoundsOf: db.prepare<[string, string]>(
        'DELETE FROM participant_rounds WHERE negotiation_id = ? AND actor_id = ?',
      ),
      deleteRounds: db.prepare<[string]>('DELETE FROM participant_rounds WHERE negotiation_id = ?'),
      deleteOne: db.prepare<[string, string]>(
        'DELETE FROM participants WHERE negotiation_id = ? AND actor_id = ?',
      ),
      deleteAll: db.prepare<[string]>('DELETE FROM participants WHERE negotiation_id = ?'),
    }
  }

  /** The participants of a negotiation, by actor id. */
  async list(negotiationId: string): Promise<Participant[]> {
    return this.db.transaction(() => {
      const byId = new Map(
        this.stmt.list.all(negotiationId).map((row) => [row.actor_id, toParticipant(row)]),
      )
      for (const r of this.stmt.rounds.all(negotiationId)) {
        const p = byId.get(r.actor_id)
        if (p) p.rounds[r.round_id] = { attended: r.attended === 1, endorsed: r.endorsed === 1 }
      }
      return [...byId.values()]
    })()
  }

  /** One participant, or null. */
  async get(negotiationId: string, actorId: string): Promise<Participant | null> {
    return this.read(negotiationId, actorId)
  }

  /** Read, change and write one participant in one immediate transaction. */
  update(
    negotiationId: string,
    actorId: string,
    change: (current: Participant | null) => Participant,
  ): Promise<Participant> {
    return this.gate.write(() =>
      this.db
        .transaction(() => {
          const next = change(this.read(negotiationId, actorId))
          if (next.actorId !== actorId) throw new Error('a change cannot rename a participant')
          this.write(negotiationId, next)
          return next
        })
        .immediate(),
    )
  }

  /** Deletes one participant; its round records go with it (ON DELETE CASCADE). */
  remove(negotiationId: string, actorId: string): Promise<boolean> {
    return this.gate.write(() => this.stmt.deleteOne.run(negotiationId, actorId).changes > 0)
  }

  /** Deletes a negotiation's participants and inserts the new ones, in one transaction. */
  replaceAll(negotiationId: string, participants: readonly Participant[]): Promise<void> {
    return this.gate.write(() =>
      this.db.transaction(() => this.writes.replaceAll(negotiationId, participants)).immediate(),
    )
  }

  /** The same writes, synchronous, for `storage.atomically`'s transaction. */
  readonly writes: Synchronous<ParticipantWrites> = {
    replaceAll: (negotiationId, participants) => {
      this.stmt.deleteRounds.run(negotiationId)
      this.stmt.deleteAll.run(negotiationId)
      for (const p of participants) this.write(negotiationId, p)
    },
  }

  private read(negotiationId: string, actorId: string): Participant | null {
    const row = this.stmt.get.get(negotiationId, actorId)
    if (!row) return null
    const p = toParticipant(row)
    for (const r of this.stmt.roundsOf.all(negotiationId, actorId)) {
      p.rounds[r.round_id] = { attended: r.attended === 1, endorsed: r.endorsed === 1 }
    }
    return p
  }

  // Only rounds with something recorded get a row; a missing row reads as "no" and "no".
  private write(negotiationId: string, p: Participant): void {
    const { user, producer, stockpiler, affected } = p.flags
    this.stmt.put.run(
      negotiationId,
      p.actorId,
      bit(user),
      bit(producer),
      bit(stockpiler),
      bit(affected),
      p.note,
    )
    this.stmt.deleteRoundsOf.run(negotiationId, p.actorId)
    for (const [roundId, r] of Object.entries(p.rounds)) {
      if (r.attended || r.endorsed) {
        this.stmt.putRound.run(negotiationId, p.actorId, roundId, bit(r.attended), bit(r.endorsed))
      }
    }
  }
}
