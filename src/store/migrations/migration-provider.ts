import type { Migration, MigrationProvider } from 'kysely';
import type { SqlFlavor } from '../database.js';
import { initialMigration } from './0001-initial.js';
import { leasesMigration } from './0002-leases.js';

/**
 * Every migration, in code (no file scanning, so bundling and tsx both work). Names sort in
 * order; never rename or edit a shipped one, add `0002-…` instead.
 */
export function migrationProvider(flavor: SqlFlavor): MigrationProvider {
  return {
    getMigrations: async (): Promise<Record<string, Migration>> => ({
      '0001-initial': initialMigration(flavor),
      '0002-leases': leasesMigration(flavor),
    }),
  };
}
