import pg from 'pg'
import * as Y from 'yjs'
import { STORAGE_ORIGIN } from '../../../../shared/collab'
import type { Round, RoundState } from '../../../../shared/domain/rounds'
import type {
  CreateNegotiationResult,
  InitialRoom,
  Negotiation,
  RoomState,
  Storage,
  StorageTransaction,
} from '../Storage'
import { bytes, one, type Db } from './db'
import { migrate } from './migrations'
import { PgAccountStore } from './PgAccountStore'
import { PgConcordanceStore } from './PgConcordanceStore'
import { PgCredentialStore } from './PgCredentialStore'
import { PgDocumentStore, PgVisitStore } from './PgDocumentStore'
import { PgEventStore } from './PgEventStore'
import { PgInvitationStore } from './PgInvitationStore'
import { PgMemberStore } from './PgMemberStore'
import { PgParticipantStore } from './PgParticipantStore'
import { PgProposalStore } from './PgProposalStore'
import { PgRoundStore } from './PgRoundStore'
import { PgSearchStore } from './PgSearchStore'
import { PgSessionStore } from './PgSessionStore'
import { PgCampaignStore, PgDeclarationStore, PgIssueStore } from './PgStanceStores'

/** Options of the PostgreSQL storage. */
export interface PgStorageOptions {
  /** Fold a room's log into a snapshot once it holds more than this many updates. */
  compactAfter?: number
  /** Connections of the main pool, which every query and transaction uses (default 10). */
  poolSize?: number
  /**
   * Connections that wait for an `exclusive` lock another process holds (default 10); beside
   * them one connection takes the locks nobody holds. None is from the main pool: a task under
   * the lock runs its queries there, so a full main pool never keeps a lock from being released.
   */
  lockPoolSize?: number
}

interface NegotiationRow {
  id: string
  name: string
  created_at: string
}

const toNegotiation = (row: NegotiationRow): Negotiation => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
})

// The stores whose writes a transaction takes, built on one connection (pool or client).
const writeStoresOn = (db: pg.Pool | pg.PoolClient) => ({
  proposals: new PgProposalStore(db),
  participants: new PgParticipantStore(db),
  members: new PgMemberStore(db),
  events: new PgEventStore(db),
  rounds: new PgRoundStore(db),
  concordances: new PgConcordanceStore(db),
  issues: new PgIssueStore(db),
  declarations: new PgDeclarationStore(db),
  campaign: new PgCampaignStore(db),
  sessions: new PgSessionStore(db),
})

// Appends one update under the room's row lock, held until the surrounding transaction (or this
// statement alone) commits: the room's next seq commits after the previous one, never before.
const APPEND = `
  WITH next AS (
    INSERT INTO room_seqs (room, seq) VALUES ($1, 1)
    ON CONFLICT (room) DO UPDATE SET seq = room_seqs.seq + 1
    RETURNING seq
  )
  INSERT INTO room_updates (room, seq, update_data) SELECT $1, seq, $2 FROM next RETURNING seq`

// Several updates of a room in one statement (one transaction): the room's seq row is bumped by
// their number ($3) once, and each row takes its place below the new seq, in the array's order.
const APPEND_MANY = `
  WITH next AS (
    INSERT INTO room_seqs (room, seq) VALUES ($1, $3)
    ON CONFLICT (room) DO UPDATE SET seq = room_seqs.seq + $3
    RETURNING seq
  )
  INSERT INTO room_updates (room, seq, update_data)
  SELECT $1, next.seq - $3 + u.ord, u.data
  FROM next, unnest($2::bytea[]) WITH ORDINALITY AS u(data, ord)
  RETURNING seq`

// A room's updates after $2, with the snapshot first when rows after $2 were folded into it (or
// when $2 is 0: the whole room). One statement, so snapshot and rows are one consistent view.
const ROOM_STATE = `
  WITH snap AS (
    SELECT snapshot, upto_seq FROM room_snapshots
    WHERE room = $1 AND (upto_seq > $2 OR $2 = 0)
  )
  SELECT 0 AS kind, upto_seq AS seq, snapshot AS data FROM snap
  UNION ALL
  SELECT 1, seq, update_data FROM room_updates
  WHERE room = $1 AND seq > GREATEST($2, COALESCE((SELECT upto_seq FROM snap), 0))
  ORDER BY kind, seq`

/**
 * The text whose hashtextextended is the advisory lock key of an exclusive task or a room's
 * compaction: with the schema in it, two schemas in one database (tests) never contend.
 */
export const advisoryLockName = (
  schema: string,
  kind: 'exclusive' | 'compact',
  name: string,
): string => `plenary:${schema}:${kind}:${name}`

/** The networked storage for several instances: every store in one PostgreSQL schema. */
export class PgStorage implements Storage {
  readonly accounts: PgAccountStore
  readonly credentials: PgCredentialStore
  readonly members: PgMemberStore
  readonly invitations: PgInvitationStore
  readonly participants: PgParticipantStore
  readonly proposals: PgProposalStore
  readonly events: PgEventStore
  readonly rounds: PgRoundStore
  readonly concordances: PgConcordanceStore
  readonly documents: PgDocumentStore
  readonly visits: PgVisitStore
  readonly search: PgSearchStore
  readonly issues: PgIssueStore
  readonly declarations: PgDeclarationStore
  readonly campaign: PgCampaignStore
  readonly sessions: PgSessionStore
  private readonly compactAfter: number
  // Log rows per room since its snapshot as this instance knows them: counted when the room is
  // loaded, increased by this instance's appends (another instance's appends count on that one).
  private readonly logLength = new Map<string, number>()
  // The tail of the in-process queue per exclusive key: one waiter per key per process asks
  // PostgreSQL for the lock, in the order tasks came.
  private readonly exclusiveTails = new Map<string, Promise<unknown>>()
  private closed = false
  // Transactions open at once are at most half the pool, and the others wait their turn here: a
  // transaction's callback that reads through the pool (a store outside `tx`) then always finds
  // a connection, where a pool full of open transactions each waiting for one more would hang.
  private readonly txSlots: number
  private txOpen = 0
  private readonly txWaiting: (() => void)[] = []
  // Rooms with a compaction scheduled by `compactSoon`.
  private readonly compacting = new Set<string>()
  // The session that takes uncontended exclusive locks (pg_try_advisory_lock), opened on first use.
  private lockSession: Promise<pg.Client> | undefined

  private constructor(
    private readonly pool: pg.Pool,
    private readonly lockPool: pg.Pool,
    private readonly url: string,
    // The schema the connections work in: part of every advisory lock key, so that two schemas
    // in one database (tests) never contend.
    private readonly schema: string,
    options: PgStorageOptions,
  ) {
    this.compactAfter = options.compactAfter ?? 1000
    this.txSlots = Math.max(1, Math.floor((options.poolSize ?? 10) / 2))
    this.accounts = new PgAccountStore(pool)
    this.credentials = new PgCredentialStore(pool)
    this.documents = new PgDocumentStore(pool)
    this.visits = new PgVisitStore(pool)
    const stores = writeStoresOn(pool)
    this.proposals = stores.proposals
    this.participants = stores.participants
    this.members = stores.members
    this.events = stores.events
    this.rounds = stores.rounds
    this.concordances = stores.concordances
    this.issues = stores.issues
    this.declarations = stores.declarations
    this.campaign = stores.campaign
    this.sessions = stores.sessions
    this.invitations = new PgInvitationStore(pool)
    this.search = new PgSearchStore(pool)
  }

  /**
   * Connects to `url` (its schema from the URL's search_path, `?options=-c%20search_path%3D<s>`),
   * brings the schema up to date (safe when several instances start at once) and answers the
   * storage.
   */
  static async open(url: string, options: PgStorageOptions = {}): Promise<PgStorage> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 })
    const lockPool = new pg.Pool({ connectionString: url, max: options.lockPoolSize ?? 10 })
    // An idle connection that breaks (PostgreSQL restarted) must not take the process down;
    // the pool drops it and the next query opens another.
    const onIdleError = (e: Error) => console.error('PostgreSQL connection lost:', e.message)
    pool.on('error', onIdleError)
    lockPool.on('error', onIdleError)
    try {
      const client = await checkout(pool)
      let schema: string
      try {
        await migrate(client)
        const row = await one<{ schema: string | null }>(
          client,
          'SELECT current_schema() AS schema',
        )
        if (!row?.schema) throw new Error('PostgreSQL: no schema to work in (search_path)')
        schema = row.schema
      } finally {
        client.release()
        client.off('error', lostWhileOut)
      }
      return new PgStorage(pool, lockPool, url, schema, options)
    } catch (error) {
      await Promise.all([pool.end(), lockPool.end()])
      throw error
    }
  }

  /** Whether the one-time data step `name` has been done on this database. */
  async dataStepDone(name: string): Promise<boolean> {
    return !!(await one(this.pool, 'SELECT 1 FROM data_steps WHERE name = $1', [name]))
  }

  /** Records that the one-time data step `name` is done. */
  async markDataStep(name: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO data_steps (name, done_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
      [name, new Date().toISOString()],
    )
  }

  /** All negotiations, oldest first. */
  async listNegotiations(): Promise<Negotiation[]> {
    const { rows } = await this.pool.query<NegotiationRow>(
      'SELECT id, name, created_at FROM negotiations ORDER BY created_at, id',
    )
    return rows.map(toNegotiation)
  }

  /** One negotiation, or null. */
  async getNegotiation(id: string): Promise<Negotiation | null> {
    const row = await one<NegotiationRow>(
      this.pool,
      'SELECT id, name, created_at FROM negotiations WHERE id = $1',
      [id],
    )
    return row ? toNegotiation(row) : null
  }

  /** Creates a negotiation and its rooms' first updates in one transaction. */
  async createNegotiation(
    negotiation: Omit<Negotiation, 'createdAt'>,
    rooms: InitialRoom[],
    rounds: Round[] = [],
  ): Promise<CreateNegotiationResult> {
    return this.atomically((tx) => tx.createNegotiation(negotiation, rooms, rounds))
  }

  /**
   * One transaction on one connection of the pool: BEGIN, the callback's writes each on that
   * connection (the transaction's stores are built on it), COMMIT; ROLLBACK if it throws.
   */
  async atomically<T>(write: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    if (this.txOpen >= this.txSlots) {
      await new Promise<void>((resolve) => this.txWaiting.push(resolve))
    } else {
      this.txOpen += 1
    }
    try {
      return await this.transaction(write)
    } finally {
      // The slot passes to the next waiting transaction, or is given back.
      const next = this.txWaiting.shift()
      if (next) next()
      else this.txOpen -= 1
    }
  }

  private async transaction<T>(write: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    const client = await checkout(this.pool)
    const touched = new Map<string, number>()
    const touch = (room: string) => touched.set(room, (touched.get(room) ?? 0) + 1)
    const stores = writeStoresOn(client)
    const tx: StorageTransaction = {
      createNegotiation: async (negotiation, rooms, rounds = []) => {
        const result = await this.insertNegotiation(client, stores, negotiation, rooms, rounds)
        if (result.ok) rooms.forEach(({ room }) => touch(room))
        return result
      },
      appendUpdate: async (room, update) => {
        const seq = await this.append(client, room, update)
        touch(room)
        return seq
      },
      ...stores,
    }
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      const value = await write(tx)
      await client.query('COMMIT')
      for (const [room, appended] of touched) this.afterCommit(room, appended)
      return value
    } catch (error) {
      await client.query('ROLLBACK').catch((e: Error) => {
        broken = e // a connection that cannot roll back is not given back to the pool
      })
      throw error
    } finally {
      client.release(broken)
      client.off('error', lostWhileOut)
    }
  }

  private async insertNegotiation(
    db: Db,
    stores: ReturnType<typeof writeStoresOn>,
    negotiation: Omit<Negotiation, 'createdAt'>,
    rooms: InitialRoom[],
    rounds: Round[],
  ): Promise<CreateNegotiationResult> {
    const createdAt = new Date().toISOString()
    // ON CONFLICT: a taken id answers id-taken without aborting the transaction it is in.
    const inserted = await one(
      db,
      `INSERT INTO negotiations (id, name, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [negotiation.id, negotiation.name, createdAt],
    )
    if (!inserted) return { ok: false, reason: 'id-taken' }
    for (const { room, update } of rooms) await this.append(db, room, update)
    for (const r of rounds) await stores.rounds.add(negotiation.id, r)
    return { ok: true, negotiation: { ...negotiation, createdAt } }
  }

  /** The rounds of a negotiation, in order. */
  async listRounds(negotiationId: string): Promise<RoundState[]> {
    return this.rounds.list(negotiationId)
  }

  /**
   * A room's snapshot followed by its later updates; a room whose log grew long while no live
   * room folded it (REST appends, a room never idle) is folded here first, unless another
   * instance is compacting it.
   */
  async loadRoom(room: string): Promise<Uint8Array[]> {
    const { updates, seq, logRows } = await this.readRoom(this.pool, room, 0)
    this.logLength.set(room, logRows)
    if (logRows <= this.compactAfter) return updates
    const snapshot = fold(updates)
    await this.compactWith(room, snapshot, seq)
    return [snapshot]
  }

  /** The room's updates after `afterSeq` (snapshot first if they were folded into it). */
  async loadRoomState(room: string, afterSeq = 0): Promise<RoomState> {
    const { updates, seq } = await this.readRoom(this.pool, room, afterSeq)
    return { updates, seq }
  }

  /** Appends one update in its own transaction; resolves once committed, to its seq. */
  async appendUpdate(room: string, update: Uint8Array): Promise<number> {
    const seq = await this.append(this.pool, room, update)
    this.counted(room, 1)
    return seq
  }

  /** Appends several updates in one statement (so one transaction); resolves to their seqs. */
  async appendUpdates(room: string, updates: Uint8Array[]): Promise<number[]> {
    if (updates.length === 0) return []
    const { rows } = await this.pool.query<{ seq: string }>(APPEND_MANY, [
      room,
      updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)),
      updates.length,
    ])
    if (rows.length !== updates.length) throw new Error(`room ${room}: updates not stored`)
    this.counted(room, updates.length)
    return rows.map((r) => Number(r.seq)).sort((a, b) => a - b)
  }

  /** Folds a room's log into its snapshot, re-reading it under the room's compaction lock. */
  async compactRoom(room: string): Promise<void> {
    await this.underCompactionLock(room, async (client) => {
      const { updates, seq } = await this.readRoom(client, room, 0)
      if (updates.length > 1) await this.putSnapshot(client, room, fold(updates), seq)
    })
  }

  /** Whether the room's log past its snapshot is longer than the threshold (in memory, no I/O). */
  wantsCompaction(room: string): boolean {
    return (this.logLength.get(room) ?? 0) > this.compactAfter
  }

  /**
   * Stores `snapshot` as the room's snapshot up to `uptoSeq` (default: the last update appended)
   * and deletes the rows it covers, in one transaction under the room's advisory lock; skipped
   * when another instance holds that lock, or when the stored snapshot already covers as much.
   */
  async compactWith(room: string, snapshot: Uint8Array, uptoSeq?: number): Promise<void> {
    await this.underCompactionLock(room, async (client) => {
      const upto =
        uptoSeq ??
        (await one<{ seq: string }>(client, 'SELECT seq FROM room_seqs WHERE room = $1', [room]))
          ?.seq
      if (upto === undefined || Number(upto) <= 0) return
      await this.putSnapshot(client, room, snapshot, Number(upto))
    })
  }

  /** Number of log rows past the room's snapshot. */
  async pendingUpdates(room: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.pool,
      `SELECT count(*)::int AS n FROM room_updates WHERE room = $1
       AND seq > COALESCE((SELECT upto_seq FROM room_snapshots WHERE room = $1), 0)`,
      [room],
    )
    return row?.n ?? 0
  }

  /**
   * Runs `task` holding the session advisory lock `key` (scoped to the schema) on a connection
   * of the lock pool, released when it settles; a process that dies loses its session and with
   * it the lock. Tasks of one key in this process queue here first, so they run in order and
   * only one waits in PostgreSQL.
   */
  async exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.exclusiveTails.get(key) ?? Promise.resolve()
    const run = previous.then(() => this.underSessionLock(key, task))
    const tail = run.then(
      () => undefined,
      () => undefined,
    )
    this.exclusiveTails.set(key, tail)
    void tail.then(() => {
      if (this.exclusiveTails.get(key) === tail) this.exclusiveTails.delete(key)
    })
    return run
  }

  /** Writes pending token uses and closes both pools. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.credentials.flushLastUses()
    const session = this.lockSession
    this.lockSession = undefined
    await Promise.all([
      this.pool.end(),
      this.lockPool.end(),
      session?.then((c) => c.end()).catch(() => undefined),
    ])
  }

  private lockKey(kind: 'exclusive' | 'compact', name: string): string {
    return advisoryLockName(this.schema, kind, name)
  }

  // Takes the session lock `key`: at once on the lock session when no process holds it, else by
  // waiting in PostgreSQL's queue (first come, first served) on a connection of the lock pool.
  private async underSessionLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const lock = this.lockKey('exclusive', key)
    const session = await this.openLockSession()
    const got = await one<{ locked: boolean }>(
      session,
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [lock],
    )
    if (got?.locked) {
      try {
        return await task()
      } finally {
        // A session that broke took the lock with it: nothing is left to release.
        await session
          .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lock])
          .catch(() => undefined)
      }
    }
    const client = await checkout(this.lockPool)
    let broken: Error | undefined
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lock])
      try {
        return await task()
      } finally {
        await client
          .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lock])
          .catch((e: Error) => {
            broken = e // closing the session releases the lock
          })
      }
    } finally {
      client.release(broken)
      client.off('error', lostWhileOut)
    }
  }

  // The lock session, connected on first use and again after it broke.
  private openLockSession(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('storage closed'))
    if (!this.lockSession) {
      const client = new pg.Client({ connectionString: this.url })
      const opened = client.connect().then(() => client)
      const forget = () => {
        if (this.lockSession === opened) this.lockSession = undefined
      }
      client.on('error', (e) => {
        console.error('PostgreSQL lock session lost:', e.message)
        forget()
      })
      client.on('end', forget)
      opened.catch(forget)
      this.lockSession = opened
    }
    return this.lockSession
  }

  private async underCompactionLock(
    room: string,
    work: (client: pg.PoolClient) => Promise<void>,
  ): Promise<void> {
    const client = await checkout(this.pool)
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      const got = await one<{ locked: boolean }>(
        client,
        'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
        [this.lockKey('compact', room)],
      )
      if (!got?.locked) {
        await client.query('ROLLBACK') // another instance is compacting this room
        return
      }
      await work(client)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch((e: Error) => {
        broken = e
      })
      throw error
    } finally {
      client.release(broken)
      client.off('error', lostWhileOut)
    }
  }

  // Replaces the snapshot unless the stored one already covers `upto`, deletes the rows it
  // covers, and counts what is left on the log.
  private async putSnapshot(
    client: pg.PoolClient,
    room: string,
    snapshot: Uint8Array,
    upto: number,
  ): Promise<void> {
    const put = await client.query(
      `INSERT INTO room_snapshots (room, snapshot, upto_seq) VALUES ($1, $2, $3)
       ON CONFLICT (room) DO UPDATE SET snapshot = excluded.snapshot, upto_seq = excluded.upto_seq
       WHERE room_snapshots.upto_seq < excluded.upto_seq`,
      [room, snapshot, upto],
    )
    if (put.rowCount) {
      await client.query('DELETE FROM room_updates WHERE room = $1 AND seq <= $2', [room, upto])
    }
    const left = await one<{ n: number }>(
      client,
      `SELECT count(*)::int AS n FROM room_updates WHERE room = $1
       AND seq > (SELECT upto_seq FROM room_snapshots WHERE room = $1)`,
      [room],
    )
    this.logLength.set(room, left?.n ?? 0)
  }

  private async append(db: Db, room: string, update: Uint8Array): Promise<number> {
    const row = await one<{ seq: string }>(db, APPEND, [room, update])
    if (!row) throw new Error(`room ${room}: update not stored`)
    return Number(row.seq)
  }

  // A room a transaction appended to whose log is far past the threshold (REST commands to a
  // room no live room folds) is compacted soon after, off the transaction's path.
  private afterCommit(room: string, appended: number): void {
    const known = this.logLength.get(room)
    if (known !== undefined) {
      this.logLength.set(room, known + appended)
      if (known + appended > 2 * this.compactAfter) this.compactSoon(room)
      return
    }
    this.pendingUpdates(room).then(
      (length) => {
        this.logLength.set(room, length)
        if (length > 2 * this.compactAfter) this.compactSoon(room)
      },
      () => undefined, // counted again after the next transaction
    )
  }

  // Compacts a room on a later turn of the event loop, once however often it is asked.
  private compactSoon(room: string): void {
    if (this.compacting.has(room)) return
    this.compacting.add(room)
    setImmediate(() => {
      if (this.closed || !this.wantsCompaction(room)) {
        this.compacting.delete(room)
        return
      }
      this.compactRoom(room)
        .catch((e: unknown) => console.error(`room ${room}: compaction failed`, e))
        .finally(() => this.compacting.delete(room))
    })
  }

  private counted(room: string, appended: number): void {
    const known = this.logLength.get(room)
    if (known !== undefined) this.logLength.set(room, known + appended)
  }

  private async readRoom(
    db: Db,
    room: string,
    afterSeq: number,
  ): Promise<{ updates: Uint8Array[]; seq: number; logRows: number }> {
    const { rows } = await db.query<{ kind: number; seq: string; data: Buffer }>(ROOM_STATE, [
      room,
      afterSeq,
    ])
    const last = rows[rows.length - 1]
    return {
      updates: rows.map((r) => bytes(r.data)),
      seq: last ? Number(last.seq) : afterSeq,
      logRows: rows.filter((r) => r.kind === 1).length,
    }
  }
}

// A checked-out connection that breaks between two queries (PostgreSQL restarted) emits an
// error no pool listens to any more: logged here, not thrown at the process; the next query on
// it fails and the connection is dropped when released.
const lostWhileOut = (e: Error) => console.error('PostgreSQL connection lost:', e.message)

async function checkout(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect()
  client.on('error', lostWhileOut)
  return client
}

// Loads the updates into a Y.Doc and encodes it as one snapshot: Y.mergeUpdates over thousands
// of small updates degrades far worse than linearly, applying them to a document does not.
function fold(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true })
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)), STORAGE_ORIGIN)
  const snapshot = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return snapshot
}
