import type { Selectable, Updateable } from 'kysely';
import type { PollStateTable } from '../database.js';
import type { PollKey, PollState, PollStatePatch } from '../store.js';
import type { TableContext } from './table-context.js';

export async function getPollState(ctx: TableContext, key: PollKey): Promise<PollState | undefined> {
  const row = await ctx.db
    .selectFrom('poll_state')
    .selectAll()
    .where('group_id', '=', key.groupId)
    .where('owner_account_id', '=', key.ownerAccountId)
    .executeTakeFirst();
  return row && toPollState(row);
}

/** The row of a key nobody polled yet. */
export function emptyPollStateRow(key: PollKey) {
  return {
    group_id: key.groupId,
    owner_account_id: key.ownerAccountId,
    etag: null,
    last_poll_at: null,
    next_poll_at: null,
    backoff_until: null,
  };
}

export async function upsertPollState(
  ctx: TableContext,
  key: PollKey,
  patch: PollStatePatch,
): Promise<PollState> {
  const columns = toColumns(patch);
  const insert = ctx.db
    .insertInto('poll_state')
    .values({ ...emptyPollStateRow(key), ...columns })
    .onConflict((oc) => {
      const target = oc.columns(['group_id', 'owner_account_id']);
      // An empty SET is a syntax error; with nothing to change, leave the row be.
      return Object.keys(columns).length === 0 ? target.doNothing() : target.doUpdateSet(columns);
    });
  await insert.execute();
  const state = await getPollState(ctx, key);
  if (!state) throw new Error('poll_state row vanished right after its upsert');
  return state;
}

export function toColumns(patch: PollStatePatch): Updateable<PollStateTable> {
  const columns: Updateable<PollStateTable> = {};
  if (patch.etag !== undefined) columns.etag = patch.etag;
  if (patch.lastPollAt !== undefined) columns.last_poll_at = patch.lastPollAt;
  if (patch.nextPollAt !== undefined) columns.next_poll_at = patch.nextPollAt;
  if (patch.failureCount !== undefined) columns.failure_count = patch.failureCount;
  if (patch.backoffUntil !== undefined) columns.backoff_until = patch.backoffUntil;
  return columns;
}

export function toPollState(row: Selectable<PollStateTable>): PollState {
  return {
    groupId: row.group_id,
    ownerAccountId: row.owner_account_id,
    etag: row.etag,
    lastPollAt: row.last_poll_at,
    nextPollAt: row.next_poll_at,
    failureCount: row.failure_count,
    backoffUntil: row.backoff_until,
  };
}
