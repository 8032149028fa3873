import type { ChannelRef, LeaseRequest } from '../store.js';
import { channelColumns, type TableContext } from './table-context.js';

/**
 * One sender per channel across processes. An upsert whose update only happens when the lease is
 * free (expired) or already ours: RETURNING gives a row exactly when the caller holds the lease.
 */
export async function acquireChannelLease(
  ctx: TableContext,
  channel: ChannelRef,
  request: LeaseRequest,
): Promise<boolean> {
  const row = await ctx.db
    .insertInto('channel_leases')
    .values({ ...channelColumns(channel), lease_owner: request.owner, lease_until: request.until })
    .onConflict((oc) =>
      oc
        .columns(['platform', 'workspace_id', 'channel_id'])
        .doUpdateSet({ lease_owner: request.owner, lease_until: request.until })
        .where((eb) =>
          eb.or([
            eb('channel_leases.lease_owner', '=', request.owner),
            eb('channel_leases.lease_until', '<=', request.now),
          ]),
        ),
    )
    .returning('lease_owner')
    .executeTakeFirst();
  return row !== undefined;
}

export async function releaseChannelLease(
  ctx: TableContext,
  channel: ChannelRef,
  owner: string,
): Promise<void> {
  const columns = channelColumns(channel);
  await ctx.db
    .deleteFrom('channel_leases')
    .where('platform', '=', columns.platform)
    .where('workspace_id', '=', columns.workspace_id)
    .where('channel_id', '=', columns.channel_id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** A graceful stop: every poll and channel lease of `owner` is free at once for the others. */
export async function releaseLeases(ctx: TableContext, owner: string): Promise<void> {
  await ctx.db
    .updateTable('poll_state')
    .set({ lease_owner: null, lease_until: null })
    .where('lease_owner', '=', owner)
    .execute();
  await ctx.db.deleteFrom('channel_leases').where('lease_owner', '=', owner).execute();
}
