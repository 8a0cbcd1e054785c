import fs from 'node:fs'
import path from 'node:path'
import type { Storage } from '../../server/src/storage/Storage'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import { tempDataDir } from './startServer'

/** Options every backend takes when a contract test opens it. */
export interface BackendOptions {
  /** Fold a room's log into a snapshot once it holds more than this many updates. */
  compactAfter?: number
}

/** A fresh, empty storage, and how to release it and remove its data. */
export interface OpenedBackend {
  storage: Storage
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
    const storage = new SqliteStorage(path.join(dir, 'plenary.sqlite'), options)
    return {
      storage,
      async cleanup() {
        await storage.close()
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}

const postgres: StorageBackend = {
  name: 'postgres',
  async open() {
    // Replaced by PgStorage on a fresh schema (tests/support/pgSchema.ts) once it lands.
    throw new Error('PgStorage: not yet written')
  },
}

/** The backends a storage contract suite runs on (`describe.each(storageBackends)`). */
export const storageBackends: StorageBackend[] = [sqlite, postgres]
