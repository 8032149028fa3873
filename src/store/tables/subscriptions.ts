import type { Selectable, Updateable } from 'kysely';
import type { SubscriptionsTable } from '../database.js';
import type { ChannelRef, NewSubscription, Subscription, SubscriptionPatch } from '../store.js';
import { channelColumns, channelOf, type TableContext } from './table-context.js';

export async function createSubscription(ctx: TableContext, input: NewSubscription): Promise<Subscription> {
  const now = ctx.now();
  const row = await ctx.db
    .insertInto('subscriptions')
    .values({
      ...channelColumns(input.channel),
      group_id: input.groupId,
      filter: input.filter,
      owner_account_id: input.ownerAccountId,
      state: 'active',
      state_reason: null,
      created_at: now,
      updated_at: now,
      last_delivery_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSubscription(row);
}

export async function getSubscription(ctx: TableContext, id: number): Promise<Subscription | undefined> {
  const row = await ctx.db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSubscription(row);
}

export async function listSubscriptionsByChannel(
  ctx: TableContext,
  channel: ChannelRef,
  options: { includeEnded?: boolean } = {},
): Promise<Subscription[]> {
  const rows = await ctx.db
    .selectFrom('subscriptions')
    .selectAll()
    .where('platform', '=', channel.platform)
    .where('workspace_id', '=', channel.workspaceId)
    .where('channel_id', '=', channel.channelId)
    .$if(!options.includeEnded, (qb) => qb.where('state', '!=', 'ended'))
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

export async function listSubscriptionsByOwner(
  ctx: TableContext,
  ownerAccountId: number,
): Promise<Subscription[]> {
  const rows = await ctx.db
    .selectFrom('subscriptions')
    .selectAll()
    .where('owner_account_id', '=', ownerAccountId)
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

export async function listActiveSubscriptions(ctx: TableContext): Promise<Subscription[]> {
  const rows = await ctx.db
    .selectFrom('subscriptions')
    .selectAll()
    .where('state', '=', 'active')
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

export async function updateSubscription(
  ctx: TableContext,
  id: number,
  patch: SubscriptionPatch,
  onlyIfState?: Subscription['state'],
): Promise<Subscription | undefined> {
  let update = ctx.db
    .updateTable('subscriptions')
    .set({ ...toColumns(patch), updated_at: ctx.now() })
    .where('id', '=', id);
  if (onlyIfState !== undefined) update = update.where('state', '=', onlyIfState);
  const row = await update.returningAll().executeTakeFirst();
  // A guarded update that matched nothing still answers with the row as it is.
  return row ? toSubscription(row) : getSubscription(ctx, id);
}

export function pauseSubscription(ctx: TableContext, id: number, reason: string) {
  return updateSubscription(ctx, id, { state: 'paused', stateReason: reason }, 'active');
}

export function resumeSubscription(ctx: TableContext, id: number) {
  return updateSubscription(
    ctx,
    id,
    { state: 'active', stateReason: null, consecutiveFailures: 0 },
    'paused',
  );
}

/** Ending is terminal, so it applies from any state but 'ended' (whose first reason is kept). */
export async function endSubscription(ctx: TableContext, id: number, reason: string) {
  const row = await ctx.db
    .updateTable('subscriptions')
    .set({ state: 'ended', state_reason: reason, updated_at: ctx.now() })
    .where('id', '=', id)
    .where('state', '!=', 'ended')
    .returningAll()
    .executeTakeFirst();
  return row ? toSubscription(row) : getSubscription(ctx, id);
}

/** Outbox rows and delivered messages go with it (foreign keys, ON DELETE CASCADE). */
export async function deleteSubscription(ctx: TableContext, id: number): Promise<boolean> {
  const result = await ctx.db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

function toColumns(patch: SubscriptionPatch): Updateable<SubscriptionsTable> {
  const columns: Updateable<SubscriptionsTable> = {};
  if (patch.state !== undefined) columns.state = patch.state;
  if (patch.stateReason !== undefined) columns.state_reason = patch.stateReason;
  if (patch.consecutiveFailures !== undefined) columns.consecutive_failures = patch.consecutiveFailures;
  if (patch.lastDeliveryAt !== undefined) columns.last_delivery_at = patch.lastDeliveryAt;
  if (patch.ownerAccountId !== undefined) columns.owner_account_id = patch.ownerAccountId;
  return columns;
}

function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: row.id,
    channel: channelOf(row),
    groupId: row.group_id,
    filter: row.filter,
    ownerAccountId: row.owner_account_id,
    state: row.state,
    stateReason: row.state_reason,
    consecutiveFailures: row.consecutive_failures,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastDeliveryAt: row.last_delivery_at,
  };
}
