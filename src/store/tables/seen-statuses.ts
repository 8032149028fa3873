import type { PollKey, SeenEntry, SeenPruneOptions, SeenStatus } from '../store.js';
import { atomically, type TableContext } from './table-context.js';

const DEFAULT_PRUNE_LIMIT = 1000;
const MARK_CHUNK = 200;

export async function loadSeen(ctx: TableContext, key: PollKey): Promise<SeenStatus[]> {
  const rows = await ctx.db
    .selectFrom('seen_statuses')
    .select(['status_type', 'status_id', 'digest', 'status_created_at', 'first_seen_at'])
    .where('group_id', '=', key.groupId)
    .where('owner_account_id', '=', key.ownerAccountId)
    .orderBy('status_created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    type: row.status_type,
    id: row.status_id,
    digest: row.digest,
    createdAt: row.status_created_at,
    firstSeenAt: row.first_seen_at,
  }));
}

/**
 * Multi-row upserts in chunks (few round trips, well under SQLite's bound-parameter limit), all in
 * one transaction. `excluded` names the row that lost the conflict, in both dialects.
 */
export function markSeen(ctx: TableContext, key: PollKey, entries: readonly SeenEntry[]): Promise<void> {
  const unique = lastOfEach(entries);
  if (unique.length === 0) return Promise.resolve();
  return atomically(ctx.db, async (db) => {
    const now = ctx.now();
    for (let start = 0; start < unique.length; start += MARK_CHUNK) {
      const rows = unique.slice(start, start + MARK_CHUNK).map((entry) => ({
        group_id: key.groupId,
        owner_account_id: key.ownerAccountId,
        status_type: entry.type,
        status_id: entry.id,
        digest: entry.digest,
        status_created_at: entry.createdAt,
        first_seen_at: now,
      }));
      await db
        .insertInto('seen_statuses')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['group_id', 'owner_account_id', 'status_type', 'status_id']).doUpdateSet((eb) => ({
            digest: eb.ref('excluded.digest'),
            status_created_at: eb.ref('excluded.status_created_at'),
          })),
        )
        .execute();
    }
  });
}

/** PostgreSQL refuses an upsert that touches one row twice, so a repeated (type, id) keeps its last. */
function lastOfEach(entries: readonly SeenEntry[]): SeenEntry[] {
  return [...new Map(entries.map((entry) => [`${entry.type}:${entry.id}`, entry])).values()];
}

/**
 * Deletes, oldest first and at most `limit` at a time, statuses created before `createdBefore`,
 * sparing the `keepNewest` newest whatever their age: the relay needs recent ones to tell a
 * window overflow from a quiet group.
 */
export async function pruneSeen(ctx: TableContext, key: PollKey, options: SeenPruneOptions): Promise<number> {
  const limit = options.limit ?? DEFAULT_PRUNE_LIMIT;
  const boundary = await keepBoundary(ctx, key, options.keepNewest);
  if (limit <= 0 || boundary === 'keep-all') return 0;
  const cutoff = boundary === undefined ? options.createdBefore : Math.min(options.createdBefore, boundary);
  const victims = ctx.db
    .selectFrom('seen_statuses')
    .select('id')
    .where('group_id', '=', key.groupId)
    .where('owner_account_id', '=', key.ownerAccountId)
    .where('status_created_at', '<', cutoff)
    .orderBy('status_created_at')
    .orderBy('id')
    .limit(limit);
  const result = await ctx.db.deleteFrom('seen_statuses').where('id', 'in', victims).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The creation time of the `keepNewest`-th newest status (nothing at or after it is deleted),
 * undefined when nothing must be kept, 'keep-all' when there are no more than `keepNewest`.
 */
async function keepBoundary(
  ctx: TableContext,
  key: PollKey,
  keepNewest: number,
): Promise<number | undefined | 'keep-all'> {
  if (keepNewest <= 0) return undefined;
  const row = await ctx.db
    .selectFrom('seen_statuses')
    .select('status_created_at')
    .where('group_id', '=', key.groupId)
    .where('owner_account_id', '=', key.ownerAccountId)
    .orderBy('status_created_at', 'desc')
    .limit(1)
    .offset(keepNewest - 1)
    .executeTakeFirst();
  return row ? row.status_created_at : 'keep-all';
}
