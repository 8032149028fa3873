import type { StatusMessage } from '../core/status-message.js';
import type { OutboxRow, Subscription } from '../store/store.js';
import type { ChannelLane } from './channel-lane.js';
import { RelayStoppedError } from './channel-lane.js';
import { type ChatSink, ChatSinkError, type FeedPost } from './chat-sink.js';
import { BadPayloadError, isFeedPayload } from './feed-payload.js';
import type { RelayContext } from './relay-context.js';
import { sharesMessage } from './shares-message.js';

/** Rows claimed as one message. They stay 'sending' until done, and are retried as they are. */
export interface HeldBatch {
  rows: OutboxRow[];
  /** A platform call was made (now, or before a crash): the message may already exist. */
  attempted: boolean;
}

export type BatchOutcome =
  | { kind: 'done' }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'transient'; error: unknown }
  /** The channel itself is unusable (gone, bot removed, no permission to post). */
  | { kind: 'channel_failed'; error: ChatSinkError }
  | { kind: 'stopped' };

const DEFAULT_RETRY_AFTER_MS = 1_000;

/** Sends one batch and records the result; every failure comes back as an outcome. */
export async function deliverBatch(
  ctx: RelayContext,
  sink: ChatSink,
  lane: ChannelLane,
  held: HeldBatch,
): Promise<BatchOutcome> {
  const first = held.rows[0];
  if (!first) return { kind: 'done' };
  try {
    const sub = await ctx.store.getSubscription(first.subscriptionId);
    if (!sub || sub.state === 'ended') {
      await ctx.store.markOutboxFailed(idsOf(held), 'subscription_ended');
      return { kind: 'done' };
    }
    if (first.kind === 'post') await deliverPost(ctx, sink, lane, held, sub);
    else await deliverChange(ctx, sink, lane, held, sub, first);
    return { kind: 'done' };
  } catch (error) {
    return outcomeOf(ctx, held, error);
  }
}

async function deliverPost(
  ctx: RelayContext,
  sink: ChatSink,
  lane: ChannelLane,
  held: HeldBatch,
  sub: Subscription,
): Promise<void> {
  const post = feedPostOf(held.rows, sub);
  const nonce = (held.rows[0] as OutboxRow).nonce;
  const channel = sub.channel;
  // Sent before a crash or a timeout? Ask the platform first where it can tell (Slack metadata);
  // otherwise the resend carries the same nonce, which Discord's enforce_nonce dedupes.
  const findSent = sink.findSent?.bind(sink);
  if (held.attempted && findSent) {
    const existing = await lane.run(() => findSent(channel, nonce));
    if (existing !== undefined) {
      ctx.logger.info({ channel, nonce, rows: idsOf(held) }, 'in-doubt message found on the platform');
      await ctx.store.markOutboxSent(idsOf(held), existing);
      return;
    }
  }
  const messageId = await lane.run(() => {
    held.attempted = true;
    return sink.send(channel, post, { nonce });
  });
  await ctx.store.markOutboxSent(idsOf(held), messageId);
  const now = ctx.now();
  for (const status of post.statuses)
    ctx.observer.delivered?.(sink.platform, 'post', 1, now - status.epochMs);
}

/** An edit or a removal of a message this feed delivered; a no-op (recorded why) otherwise. */
async function deliverChange(
  ctx: RelayContext,
  sink: ChatSink,
  lane: ChannelLane,
  held: HeldBatch,
  sub: Subscription,
  row: OutboxRow,
): Promise<void> {
  const delivered = await ctx.store.findDelivered(sub.id, { type: row.statusType, id: row.statusId });
  if (!delivered) {
    await ctx.store.markOutboxFailed([row.id], 'nothing_delivered');
    return;
  }
  const messageId = delivered.platformMessageId;
  if (row.kind === 'edit') {
    const post = feedPostOf([row], sub);
    await lane.run(() => {
      held.attempted = true;
      return sink.edit(sub.channel, messageId, post);
    });
  } else {
    if (await sharesMessage(ctx.store, sub, row, messageId)) {
      await ctx.store.markOutboxFailed([row.id], 'shared_message');
      return;
    }
    await lane.run(() => {
      held.attempted = true;
      return sink.remove(sub.channel, messageId);
    });
  }
  await ctx.store.markOutboxSent([row.id], messageId);
  ctx.observer.delivered?.(sink.platform, row.kind === 'edit' ? 'edit' : 'delete', 1);
}

async function outcomeOf(ctx: RelayContext, held: HeldBatch, error: unknown): Promise<BatchOutcome> {
  if (error instanceof RelayStoppedError) return { kind: 'stopped' };
  if (error instanceof BadPayloadError) {
    ctx.logger.error({ row: error.rowId }, error.message);
    await ctx.store.markOutboxFailed(idsOf(held), error.code);
    return { kind: 'done' };
  }
  if (!(error instanceof ChatSinkError)) return { kind: 'transient', error };
  if (error.kind === 'rate_limited') {
    return { kind: 'rate_limited', retryAfterMs: error.options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS };
  }
  if (error.kind === 'transient') return { kind: 'transient', error };
  const first = held.rows[0] as OutboxRow;
  // An edit or removal failing for good is about that one message (deleted by hand, too old to
  // edit), not the channel, unless the sink says the channel is gone.
  if (first.kind !== 'post' && !error.options.endsSubscription) {
    ctx.logger.warn(
      { row: first.id, kind: first.kind, reason: error.reason },
      'message change failed for good',
    );
    await ctx.store.markOutboxFailed(idsOf(held), `chat:${error.reason}`);
    return { kind: 'done' };
  }
  return { kind: 'channel_failed', error };
}

function feedPostOf(rows: readonly OutboxRow[], sub: Subscription): FeedPost {
  const statuses: StatusMessage[] = [];
  let groupName = `Group ${sub.groupId}`;
  for (const row of rows) {
    if (!isFeedPayload(row.payload) || !row.payload.status) {
      throw new BadPayloadError(row.id);
    }
    groupName = row.payload.groupName;
    statuses.push(row.payload.status);
  }
  return { groupId: sub.groupId, groupName, statuses };
}

function idsOf(held: HeldBatch): number[] {
  return held.rows.map((row) => row.id);
}
