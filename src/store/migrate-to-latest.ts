import { Migrator, sql } from 'kysely';
import type { Logger } from '../log/logger.js';
import type { Db, SqlFlavor } from './database.js';
import { migrationProvider } from './migrations/migration-provider.js';
import { StoreError } from './store-error.js';

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema)
    throw new StoreError('store_migration_failed', 'PostgreSQL has no current schema: check search_path.');
  return schema;
}

/** Any constant: every coop-bridge process on one PostgreSQL server migrates under this lock. */
const MIGRATION_LOCK_KEY = 0x636f6f70;

/**
 * Brings the schema up to date with kysely's Migrator (which records applied migrations in
 * `kysely_migration`). Reopening an up-to-date database applies nothing. Kysely's own lock lives in
 * a table it first creates, and processes starting together on a fresh PostgreSQL database race
 * on that creation; a session advisory lock around the whole run makes them take turns.
 */
export async function migrateToLatest(db: Db, flavor: SqlFlavor, logger: Logger): Promise<void> {
  if (flavor !== 'postgres') return runMigrations(db, flavor, logger);
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await runMigrations(conn, flavor, logger);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}

async function runMigrations(db: Db, flavor: SqlFlavor, logger: Logger): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(flavor),
    // Without a schema kysely looks for its tables in every schema of the database, finds another
    // schema's, and never creates its own: name the one this connection works in.
    ...(flavor === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  for (const result of results) {
    if (result.status === 'Success')
      logger.info({ migration: result.migrationName }, 'store migration applied');
  }
  if (error === undefined) return;
  const failed = results.find((result) => result.status === 'Error')?.migrationName;
  const detail = error instanceof Error ? error.message : String(error);
  throw new StoreError(
    'store_migration_failed',
    failed === undefined
      ? `The database schema could not be checked or updated: ${detail}. ` +
          'If a newer coop-bridge ran against this database, run that version again.'
      : `Migration ${failed} failed: ${detail}. Fix the cause and start again; it will be retried.`,
    { cause: error },
  );
}
