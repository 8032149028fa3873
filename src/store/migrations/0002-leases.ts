import { type Kysely, type Migration, sql } from 'kysely';
import type { SqlFlavor } from '../database.js';
import { oneOf, PLATFORMS } from './schema-helpers.js';

/**
 * Leases, so several bot processes can share one database (PostgreSQL in production):
 * - `poll_state.lease_owner/lease_until`: the process polling a (group, owner) key right now;
 * - `channel_leases`: the one process sending to a channel, so per-channel order holds;
 * - `outbox.claimed_by`: who claimed a 'sending' row, for diagnostics and in-doubt decisions.
 * Lease times are epoch ms of the relay's clock, like every other timestamp.
 *
 * SQLite runs migrations outside a transaction and has no ADD COLUMN IF NOT EXISTS, so each
 * column is added only when missing: a run cut short is safe to repeat.
 */
export function leasesMigration(flavor: SqlFlavor): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await addColumnIfMissing(db, flavor, 'poll_state', 'lease_owner', 'text');
      await addColumnIfMissing(db, flavor, 'poll_state', 'lease_until', 'bigint');
      await addColumnIfMissing(db, flavor, 'outbox', 'claimed_by', 'text');
      await db.schema
        .createTable('channel_leases')
        .ifNotExists()
        .addColumn('platform', 'text', (col) => col.notNull().check(oneOf('platform', PLATFORMS)))
        .addColumn('workspace_id', 'text', (col) => col.notNull())
        .addColumn('channel_id', 'text', (col) => col.notNull())
        .addColumn('lease_owner', 'text', (col) => col.notNull())
        .addColumn('lease_until', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('channel_leases_pk', ['platform', 'workspace_id', 'channel_id'])
        .execute();
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.dropTable('channel_leases').ifExists().execute();
      await db.schema.alterTable('outbox').dropColumn('claimed_by').execute();
      await db.schema.alterTable('poll_state').dropColumn('lease_until').execute();
      await db.schema.alterTable('poll_state').dropColumn('lease_owner').execute();
    },
  };
}

async function addColumnIfMissing(
  db: Kysely<unknown>,
  flavor: SqlFlavor,
  table: string,
  column: string,
  type: 'text' | 'bigint',
): Promise<void> {
  if (flavor === 'postgres') {
    // Scoped to the search_path's schema, unlike a catalog lookup by table name.
    await sql`alter table ${sql.table(table)} add column if not exists ${sql.ref(column)} ${sql.raw(type)}`.execute(
      db,
    );
    return;
  }
  const columns = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  if (columns.rows.some((row) => row.name === column)) return;
  await db.schema.alterTable(table).addColumn(column, type).execute();
}
