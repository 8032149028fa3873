import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from './database.js';
import { MEMORY } from './parse-store-url.js';
import { StoreError } from './store-error.js';

/**
 * Opens a SQLite file (creating its folder) or an in-memory database, with:
 * - WAL for files: readers never block the writer, and a crash loses no committed transaction;
 * - foreign keys on (off by default in SQLite; the schema's cascades rely on them);
 * - a busy timeout, so a second process (a CLI, a backup) waits instead of failing at once.
 */
export function openSqliteDb(path: string): Db {
  const memory = path === MEMORY;
  let database: SqliteDatabase.Database | undefined;
  try {
    if (!memory) mkdirSync(dirname(path), { recursive: true });
    database = new SqliteDatabase(path);
    if (!memory) database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
  } catch (cause) {
    database?.close();
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new StoreError(
      'store_open_failed',
      `Cannot open the SQLite database at ${path}: ${detail}. Check the path and its folder's permissions.`,
      { cause },
    );
  }
  return new Kysely({ dialect: new SqliteDialect({ database }) });
}
