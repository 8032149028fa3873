import type { Selectable } from 'kysely';
import type { ChannelsTable } from '../database.js';
import type { ChannelRef, ChannelSettings } from '../store.js';
import { channelColumns, type TableContext } from './table-context.js';

export async function getChannel(
  ctx: TableContext,
  channel: ChannelRef,
): Promise<ChannelSettings | undefined> {
  const row = await ctx.db
    .selectFrom('channels')
    .selectAll()
    .where('platform', '=', channel.platform)
    .where('workspace_id', '=', channel.workspaceId)
    .where('channel_id', '=', channel.channelId)
    .executeTakeFirst();
  return row && toChannel(ctx, row);
}

export function setChannelGroup(
  ctx: TableContext,
  channel: ChannelRef,
  groupId: number | null,
): Promise<ChannelSettings> {
  return upsertChannel(ctx, channel, { group_id: groupId });
}

export function setChannelCobotKey(
  ctx: TableContext,
  channel: ChannelRef,
  cobotKey: string | null,
): Promise<ChannelSettings> {
  const encrypted = cobotKey === null ? null : ctx.box.encrypt(cobotKey, 'channel-cobot-key');
  return upsertChannel(ctx, channel, { cobot_key_enc: encrypted });
}

/** Creates the channel row on first use, otherwise changes only the given column. */
async function upsertChannel(
  ctx: TableContext,
  channel: ChannelRef,
  change: { group_id: number | null } | { cobot_key_enc: string | null },
): Promise<ChannelSettings> {
  const now = ctx.now();
  const row = await ctx.db
    .insertInto('channels')
    .values({
      ...channelColumns(channel),
      group_id: null,
      cobot_key_enc: null,
      created_at: now,
      ...change,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['platform', 'workspace_id', 'channel_id']).doUpdateSet({ ...change, updated_at: now }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toChannel(ctx, row);
}

function toChannel(ctx: TableContext, row: Selectable<ChannelsTable>): ChannelSettings {
  return {
    platform: row.platform,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    groupId: row.group_id,
    cobotKey: row.cobot_key_enc === null ? null : ctx.box.decrypt(row.cobot_key_enc, 'channel-cobot-key'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
