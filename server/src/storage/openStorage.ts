import path from 'node:path'
import type { Storage } from './Storage'
import { SqliteStorage, type SqliteStorageOptions } from './sqlite/SqliteStorage'

/** The database file inside a data folder. */
export const sqliteFile = (dataDir: string): string => path.join(dataDir, 'plenary.sqlite')

/** Opens the storage configured for a data folder (SQLite today; PostgreSQL by URL later). */
export function openStorage(dataDir: string, options: SqliteStorageOptions = {}): Storage {
  return new SqliteStorage(sqliteFile(dataDir), options)
}
