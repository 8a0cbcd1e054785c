import path from 'node:path'
import type { Storage } from './Storage'
import { PgStorage } from './postgres/PgStorage'
import { SqliteStorage } from './sqlite/SqliteStorage'

/** The database file inside a data folder. */
export const sqliteFile = (dataDir: string): string => path.join(dataDir, 'plenary.sqlite')

/** How to open the storage. */
export interface OpenStorageOptions {
  /**
   * DATABASE_URL: PostgreSQL (postgres://…; the schema from its search_path, e.g.
   * `?options=-c%20search_path%3Dplenary`), shared by every instance; absent, SQLite in the
   * data folder.
   */
  databaseUrl?: string
  /** Fold a room's log into a snapshot once it holds more than this many updates. */
  compactAfter?: number
}

/**
 * Opens the configured storage: PostgreSQL when a database URL is given (its schema brought up
 * to date first), else the SQLite file in the data folder.
 */
export async function openStorage(
  dataDir: string,
  options: OpenStorageOptions = {},
): Promise<Storage> {
  const { databaseUrl, ...rest } = options
  if (databaseUrl) return PgStorage.open(databaseUrl, rest)
  return new SqliteStorage(sqliteFile(dataDir), rest)
}
