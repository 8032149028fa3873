import { Migrator } from 'kysely';
import type { Logger } from '../log/logger.js';
import type { Db, SqlFlavor } from './database.js';
import { migrationProvider } from './migrations/migration-provider.js';
import { StoreError } from './store-error.js';

/**
 * Brings the schema up to date with kysely's Migrator (which records applied migrations in
 * `kysely_migration` and takes a lock, so two processes starting at once are safe). Reopening an
 * up-to-date database applies nothing.
 */
export async function migrateToLatest(db: Db, flavor: SqlFlavor, logger: Logger): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(flavor) });
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
