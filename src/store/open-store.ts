import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import type { Logger } from '../log/logger.js';
import type { Db } from './database.js';
import { loadSecretBox } from './load-secret-box.js';
import { migrateToLatest } from './migrate-to-latest.js';
import { describePostgresUrl, openPostgresDb } from './open-postgres-db.js';
import { openSqliteDb } from './open-sqlite-db.js';
import { MEMORY, parseStoreUrl, type StoreLocation } from './parse-store-url.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './store.js';
import { StoreError } from './store-error.js';

export const KEY_FILE_NAME = 'secret.key';

export interface OpenStoreOptions {
  /** `sqlite:PATH`, `sqlite::memory:`, a bare path, or `postgres://…`. The caller picks the default. */
  url: string;
  logger: Logger;
  /** Where COOP_BRIDGE_SECRET is read; process.env unless a test says otherwise. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Folder of secret.key; defaults to the SQLite file's folder. PostgreSQL needs it or the secret. */
  keyDir?: string;
  /** Clock for created/updated columns; tests pin it. */
  now?: () => number;
}

/** Opens the database, migrates it to the latest schema and checks the encryption key. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const location = parseStoreUrl(options.url);
  const db =
    location.flavor === 'sqlite' ? openSqliteDb(location.path) : openPostgresDb(location.url, options.logger);
  try {
    await ping(db, location);
    await migrateToLatest(db, location.flavor, options.logger);
    const box = await loadSecretBox(db, {
      secret: (options.env ?? process.env).COOP_BRIDGE_SECRET,
      keyFile: keyFileFor(location, options.keyDir),
      ephemeral: location.flavor === 'sqlite' && location.path === MEMORY,
      logger: options.logger,
    });
    options.logger.info({ store: describe(location) }, 'store opened');
    return new SqlStore({ db, box, flavor: location.flavor, now: options.now });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

function keyFileFor(location: StoreLocation, keyDir: string | undefined): string | undefined {
  if (keyDir !== undefined) return join(keyDir, KEY_FILE_NAME);
  if (location.flavor === 'sqlite' && location.path !== MEMORY)
    return join(dirname(location.path), KEY_FILE_NAME);
  return undefined;
}

/** Fails early and clearly when the server is unreachable (SQLite problems surface at open). */
async function ping(db: Db, location: StoreLocation): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new StoreError(
      'store_open_failed',
      `Cannot reach the database at ${describe(location)}: ${detail}. Check DATABASE_URL and that the server runs.`,
      { cause },
    );
  }
}

function describe(location: StoreLocation): string {
  return location.flavor === 'sqlite' ? `sqlite:${location.path}` : describePostgresUrl(location.url);
}
