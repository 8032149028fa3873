import type { LeaseRequest, PollKey, PollLeaseResult, PollStatePatch } from '../store.js';
import { emptyPollStateRow, toColumns, toPollState } from './poll-state.js';
import type { TableContext } from './table-context.js';

/**
 * Takes the poll lease of a key when the key is due and nobody else holds a live lease on it: one
 * conditional UPDATE, so two racing processes cannot both win (PostgreSQL re-checks the WHERE of a
 * blocked UPDATE against the row the winner committed; SQLite has one writer). The row is created
 * first when missing, so a brand-new key can be leased too.
 */
export async function acquirePollLease(
  ctx: TableContext,
  key: PollKey,
  request: LeaseRequest,
): Promise<PollLeaseResult> {
  await ctx.db
    .insertInto('poll_state')
    .values(emptyPollStateRow(key))
    .onConflict((oc) => oc.columns(['group_id', 'owner_account_id']).doNothing())
    .execute();
  const row = await ctx.db
    .updateTable('poll_state')
    .set({ lease_owner: request.owner, lease_until: request.until })
    .where('group_id', '=', key.groupId)
    .where('owner_account_id', '=', key.ownerAccountId)
    .where((eb) =>
      eb.or([
        eb('lease_owner', 'is', null),
        eb('lease_until', '<=', request.now),
        eb('lease_owner', '=', request.owner),
      ]),
    )
    .where((eb) => eb(eb.fn.coalesce('next_poll_at', eb.lit(0)), '<=', request.now))
    .where((eb) => eb(eb.fn.coalesce('backoff_until', eb.lit(0)), '<=', request.now))
    .returningAll()
    .executeTakeFirst();
  if (row) return { acquired: true, state: toPollState(row) };
  const current = await ctx.db
    .selectFrom('poll_state')
    .select(['next_poll_at', 'backoff_until', 'lease_owner', 'lease_until'])
    .where('group_id', '=', key.groupId)
    .where('owner_account_id', '=', key.ownerAccountId)
    .executeTakeFirst();
  const heldElsewhere =
    current?.lease_owner != null && current.lease_owner !== request.owner ? (current.lease_until ?? 0) : 0;
  return {
    acquired: false,
    retryAt: Math.max(current?.next_poll_at ?? 0, current?.backoff_until ?? 0, heldElsewhere),
  };
}

/**
 * Writes the poll's outcome and gives the lease up, only while `owner` still holds it. False means
 * the lease was lost (it expired and another process took the key): the caller must not commit
 * anything it read, or both would deliver it.
 */
export async function commitPollLease(
  ctx: TableContext,
  key: PollKey,
  owner: string,
  patch: PollStatePatch,
): Promise<boolean> {
  const result = await ctx.db
    .updateTable('poll_state')
    .set({ ...toColumns(patch), lease_owner: null, lease_until: null })
    .where('group_id', '=', key.groupId)
    .where('owner_account_id', '=', key.ownerAccountId)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
