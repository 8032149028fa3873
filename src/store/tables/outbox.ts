import { randomBytes } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import type { OutboxTable } from '../database.js';
import type { ChannelRef, NewOutboxRow, OutboxPruneOptions, OutboxRow } from '../store.js';
import { forgetDelivered, upsertDelivered } from './delivered-messages.js';
import { atomically, channelColumns, channelOf, type TableContext } from './table-context.js';

const DEFAULT_PRUNE_LIMIT = 1000;

/** All rows or none, in the given order, so ascending ids are the delivery order. */
export function appendOutbox(ctx: TableContext, rows: readonly NewOutboxRow[]): Promise<OutboxRow[]> {
  return atomically(ctx.db, async (db) => {
    const now = ctx.now();
    const appended: OutboxRow[] = [];
    for (const row of rows) {
      const inserted = await db
        .insertInto('outbox')
        .values({
          subscription_id: row.subscriptionId,
          ...channelColumns(row.channel),
          kind: row.kind,
          status_type: row.statusType,
          status_id: row.statusId,
          payload: serialize(row.payload),
          state: 'pending',
          nonce: row.nonce ?? randomBytes(12).toString('base64url'),
          last_error: null,
          platform_message_id: null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      appended.push(toOutboxRow(inserted));
    }
    return appended;
  });
}

/**
 * UPDATE … WHERE state = 'pending' AND id IN (the channel's oldest pending ids): the state guard
 * makes two racing claims disjoint in both dialects. On PostgreSQL the ids are also locked with
 * SKIP LOCKED, so a second claim takes other rows instead of coming back empty. The ids are a
 * MATERIALIZED CTE: PostgreSQL may otherwise rescan a LIMIT … SKIP LOCKED subquery per row and
 * claim more than `limit`. `claimedBy` records the relay instance on the rows.
 *
 * On SQLite the outer guard is written `+state`: a plain `state = ?` lets the planner pick the
 * `outbox_state` index and visit every pending row of the database; the unary plus keeps that
 * index out, so the rows are found by primary key from the CTE (EXPLAIN QUERY PLAN:
 * "SEARCH outbox USING INTEGER PRIMARY KEY"). PostgreSQL has no unary plus on text, and its
 * planner already goes by id.
 */
export async function claimOutbox(
  ctx: TableContext,
  channel: ChannelRef,
  limit: number,
  claimedBy: string | null = null,
): Promise<OutboxRow[]> {
  if (limit <= 0) return [];
  const rows = await ctx.db
    .with(
      (cte) => cte('claimable').materialized(),
      (db) =>
        db
          .selectFrom('outbox')
          .select('id')
          .where('platform', '=', channel.platform)
          .where('workspace_id', '=', channel.workspaceId)
          .where('channel_id', '=', channel.channelId)
          .where('state', '=', 'pending')
          .orderBy('id')
          .limit(limit)
          .$if(ctx.flavor === 'postgres', (qb) => qb.forUpdate().skipLocked()),
    )
    .updateTable('outbox')
    .set((eb) => ({
      state: 'sending',
      attempts: eb('attempts', '+', 1),
      updated_at: ctx.now(),
      claimed_by: claimedBy,
    }))
    .where(
      ctx.flavor === 'sqlite' ? sql<string>`+${sql.ref('state')}` : sql<string>`${sql.ref('state')}`,
      '=',
      'pending',
    )
    .where('id', 'in', (eb) => eb.selectFrom('claimable').select('claimable.id'))
    .returningAll()
    .execute();
  // RETURNING promises no order.
  return rows.map(toOutboxRow).sort((a, b) => a.id - b.id);
}

export function markOutboxSent(
  ctx: TableContext,
  ids: readonly number[],
  platformMessageId: string,
): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  return atomically(ctx.db, async (db) => {
    const now = ctx.now();
    const rows = await db
      .updateTable('outbox')
      .set({ state: 'sent', platform_message_id: platformMessageId, last_error: null, updated_at: now })
      .where('id', 'in', ids)
      .returning(['subscription_id', 'kind', 'status_type', 'status_id'])
      .execute();
    const txCtx = { ...ctx, db };
    for (const row of rows) {
      const status = { type: row.status_type, id: row.status_id };
      // A post or an edit now lives in this message; a delivered deletion leaves nothing to edit.
      if (row.kind === 'delete') {
        await forgetDelivered(txCtx, row.subscription_id, status);
      } else {
        await upsertDelivered(txCtx, { subscriptionId: row.subscription_id, ...status, platformMessageId });
      }
    }
    const subscriptionIds = [...new Set(rows.map((row) => row.subscription_id))];
    if (subscriptionIds.length > 0) {
      await db
        .updateTable('subscriptions')
        .set({ last_delivery_at: now })
        .where('id', 'in', subscriptionIds)
        .execute();
    }
  });
}

export async function markOutboxFailed(
  ctx: TableContext,
  ids: readonly number[],
  error: string,
): Promise<void> {
  if (ids.length === 0) return;
  await ctx.db
    .updateTable('outbox')
    .set({ state: 'failed', last_error: error, updated_at: ctx.now() })
    .where('id', 'in', ids)
    .execute();
}

export async function releaseOutbox(
  ctx: TableContext,
  ids: readonly number[],
  error?: string,
): Promise<void> {
  if (ids.length === 0) return;
  await ctx.db
    .updateTable('outbox')
    .set((eb) => ({
      state: 'pending',
      last_error: error === undefined ? eb.ref('last_error') : error,
      updated_at: ctx.now(),
    }))
    .where('id', 'in', ids)
    .where('state', '=', 'sending')
    .execute();
}

/** Channels whose oldest pending row is oldest come first. */
export async function listChannelsWithPendingOutbox(ctx: TableContext): Promise<ChannelRef[]> {
  const rows = await ctx.db
    .selectFrom('outbox')
    .select((eb) => ['platform', 'workspace_id', 'channel_id', eb.fn.min('id').as('first_id')])
    .where('state', '=', 'pending')
    .groupBy(['platform', 'workspace_id', 'channel_id'])
    .orderBy('first_id')
    .execute();
  return rows.map(channelOf);
}

/** Rows not yet delivered (pending or in flight), for the outbox-depth metric. */
export async function countUndeliveredOutbox(ctx: TableContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('state', 'in', ['pending', 'sending'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function pruneOutbox(ctx: TableContext, options: OutboxPruneOptions): Promise<number> {
  const limit = options.limit ?? DEFAULT_PRUNE_LIMIT;
  if (limit <= 0) return 0;
  const finished = ctx.db
    .selectFrom('outbox')
    .select('id')
    .where('state', 'in', ['sent', 'failed'])
    .where('updated_at', '<', options.updatedBefore)
    .orderBy('id')
    .limit(limit);
  const result = await ctx.db.deleteFrom('outbox').where('id', 'in', finished).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function serialize(payload: unknown): string {
  const text = JSON.stringify(payload);
  if (text === undefined) throw new TypeError('An outbox payload must be JSON-serializable data.');
  return text;
}

export function toOutboxRow(row: Selectable<OutboxTable>): OutboxRow {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    channel: channelOf(row),
    kind: row.kind,
    statusType: row.status_type,
    statusId: row.status_id,
    payload: JSON.parse(row.payload) as unknown,
    state: row.state,
    attempts: row.attempts,
    nonce: row.nonce,
    lastError: row.last_error,
    platformMessageId: row.platform_message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    claimedBy: row.claimed_by,
  };
}
