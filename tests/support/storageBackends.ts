import fs from 'node:fs'
import path from 'node:path'
import type { Storage } from '../../server/src/storage/Storage'
import { PgStorage } from '../../server/src/storage/postgres/PgStorage'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import { freshPgSchema } from './pgSchema'
import { tempDataDir } from './startServer'

/** Options every backend takes when a contract test opens it. */
export interface BackendOptions {
  /** Fold a room's log into a snapshot once it holds more than this many updates. */
  compactAfter?: number
}

/** A fresh, empty storage, and how to release it and remove its data. */
export interface OpenedBackend {
  storage: Storage
  /**
   * Another storage on the same data: a restart, or a second instance beside the first. The
   * caller closes it (cleanup closes only `storage`).
   */
  reopen(options?: BackendOptions): Promise<Storage>
  /** Closes the storage (if still open) and deletes its data folder or schema. */
  cleanup(): Promise<void>
}

/** One storage implementation a contract suite runs on. */
export interface StorageBackend {
  name: 'sqlite' | 'postgres'
  /** Opens a fresh storage of this kind; each call gets its own data. */
  open(options?: BackendOptions): Promise<OpenedBackend>
}

const sqlite: StorageBackend = {
  name: 'sqlite',
  async open(options = {}) {
    const dir = tempDataDir()
    const file = path.join(dir, 'plenary.sqlite')
    const storage = new SqliteStorage(file, options)
    return {
      storage,
      reopen: async (again = {}) => new SqliteStorage(file, again),
      async cleanup() {
        await storage.close()
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}

// Small pools: a suite opens a storage per test, many suites at once, all on one PostgreSQL.
const PG_TEST_POOLS = { poolSize: 4, lockPoolSize: 2 }

const postgres: StorageBackend = {
  name: 'postgres',
  async open(options = {}) {
    const schema = await freshPgSchema()
    try {
      const storage = await PgStorage.open(schema.url, { ...options, ...PG_TEST_POOLS })
      return {
        storage,
        reopen: (again = {}) => PgStorage.open(schema.url, { ...again, ...PG_TEST_POOLS }),
        async cleanup() {
          await storage.close()
          await schema.drop()
        },
      }
    } catch (error) {
      await schema.drop()
      throw error
    }
  },
}

/** The backends a storage contract suite runs on (`describe.each(storageBackends)`). */
export const storageBackends: StorageBackend[] = [sqlite, postgres]
