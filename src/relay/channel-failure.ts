import type { ChannelRef } from '../store/store.js';
import type { ChatSinkError } from './chat-sink.js';
import { chatFailureNotice } from './feed-notices.js';
import type { RelayContext } from './relay-context.js';

const FAIL_CHUNK = 100;

/**
 * The platform refused a channel for good. Its feeds end (channel gone, bot removed) or pause
 * (missing permission) with the platform's reason; nothing queued for it can go out any more, so
 * those rows fail too; and the channel is told once, if it can still hear us.
 */
export async function failChannel(
  ctx: RelayContext,
  channel: ChannelRef,
  failedIds: readonly number[],
  error: ChatSinkError,
): Promise<void> {
  const reason = `chat:${error.reason}`;
  const ends = error.options.endsSubscription === true;
  await ctx.store.markOutboxFailed(failedIds, reason);
  const subscriptions = await ctx.store.listSubscriptionsByChannel(channel);
  for (const sub of subscriptions) {
    if (ends) await ctx.store.endSubscription(sub.id, reason);
    else await ctx.store.pauseSubscription(sub.id, reason);
  }
  let dropped = 0;
  for (;;) {
    const rows = await ctx.store.claimOutbox(channel, FAIL_CHUNK);
    if (rows.length === 0) break;
    await ctx.store.markOutboxFailed(
      rows.map((row) => row.id),
      reason,
    );
    dropped += rows.length;
  }
  ctx.logger.warn(
    { channel, reason, ended: ends, subscriptions: subscriptions.map((s) => s.id), dropped },
    'chat channel failed for good; its feeds stop',
  );
  await ctx.lanes.notify(channel, chatFailureNotice(error.reason, ends));
}
