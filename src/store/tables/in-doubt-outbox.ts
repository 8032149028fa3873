import type { ChannelRef, OutboxRow } from '../store.js';
import { toOutboxRow } from './outbox.js';
import { channelColumns, channelOf, type TableContext } from './table-context.js';

/** Rows left 'sending' (all, or one channel's); oldest first. */
export async function listSendingOutbox(ctx: TableContext, channel?: ChannelRef): Promise<OutboxRow[]> {
  const columns = channel && channelColumns(channel);
  const rows = await ctx.db
    .selectFrom('outbox')
    .selectAll()
    .where('state', '=', 'sending')
    .$if(columns !== undefined, (qb) =>
      qb
        .where('platform', '=', columns?.platform ?? 'shell')
        .where('workspace_id', '=', columns?.workspace_id ?? '')
        .where('channel_id', '=', columns?.channel_id ?? ''),
    )
    .orderBy('id')
    .execute();
  return rows.map(toOutboxRow);
}

/**
 * Channels with 'sending' rows that no other live process is sending to: their claimer crashed
 * (or stopped after trying them), its channel lease is gone or expired, so the rows are in doubt
 * and whoever takes the channel's lease resolves them. `self`'s own leases do not count: a
 * process restarted under the same instance id inherits what its previous life left.
 */
export async function listInDoubtChannels(
  ctx: TableContext,
  self: string,
  now: number,
): Promise<ChannelRef[]> {
  const rows = await ctx.db
    .selectFrom('outbox as o')
    .select(['o.platform', 'o.workspace_id', 'o.channel_id'])
    .distinct()
    .where('o.state', '=', 'sending')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('channel_leases as l')
            .select('l.lease_owner')
            .whereRef('l.platform', '=', 'o.platform')
            .whereRef('l.workspace_id', '=', 'o.workspace_id')
            .whereRef('l.channel_id', '=', 'o.channel_id')
            .where('l.lease_owner', '<>', self)
            .where('l.lease_until', '>', now),
        ),
      ),
    )
    .execute();
  return rows.map(channelOf);
}
