import type { StatusKey } from '../../coop/types.js';
import type { DeliveredMessage, NewDeliveredMessage } from '../store.js';
import type { TableContext } from './table-context.js';

/** Records (or moves, when re-sent) where a status was delivered for a feed. */
export async function upsertDelivered(ctx: TableContext, message: NewDeliveredMessage): Promise<void> {
  const now = ctx.now();
  await ctx.db
    .insertInto('delivered_messages')
    .values({
      subscription_id: message.subscriptionId,
      status_type: message.type,
      status_id: message.id,
      platform_message_id: message.platformMessageId,
      delivered_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['subscription_id', 'status_type', 'status_id'])
        .doUpdateSet({ platform_message_id: message.platformMessageId, delivered_at: now }),
    )
    .execute();
}

export async function findDelivered(
  ctx: TableContext,
  subscriptionId: number,
  status: StatusKey,
): Promise<DeliveredMessage | undefined> {
  const row = await ctx.db
    .selectFrom('delivered_messages')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('status_type', '=', status.type)
    .where('status_id', '=', status.id)
    .executeTakeFirst();
  return (
    row && {
      subscriptionId: row.subscription_id,
      type: row.status_type,
      id: row.status_id,
      platformMessageId: row.platform_message_id,
      deliveredAt: row.delivered_at,
    }
  );
}

/** After a deletion was delivered, the message is gone and there is nothing left to edit. */
export async function forgetDelivered(
  ctx: TableContext,
  subscriptionId: number,
  status: StatusKey,
): Promise<void> {
  await ctx.db
    .deleteFrom('delivered_messages')
    .where('subscription_id', '=', subscriptionId)
    .where('status_type', '=', status.type)
    .where('status_id', '=', status.id)
    .execute();
}
