import type { ChannelRef, Subscription } from '../store/store.js';
import { channelKey } from './channel-key.js';
import type { PollTarget } from './poll-targets.js';
import type { RelayContext } from './relay-context.js';

/**
 * Pauses the feeds of a poll key with a reason `feeds` shows, and tells each of their channels
 * once. The key's failure state is cleared with it: a pause is the end of that story, and when
 * someone resumes a feed (login again, subscribe again) its key starts afresh. Returns the feeds
 * this call paused.
 */
export async function pauseFeeds(
  ctx: RelayContext,
  target: PollTarget,
  reason: string,
  notice: string,
): Promise<Subscription[]> {
  const paused = await ctx.store.transaction(async (tx) => {
    const done: Subscription[] = [];
    for (const sub of target.subscriptions) {
      const current = await tx.getSubscription(sub.id);
      if (current?.state !== 'active') continue;
      const after = await tx.pauseSubscription(sub.id, reason);
      if (after) done.push(after);
    }
    await tx.upsertPollState(target.key, { failureCount: 0, backoffUntil: null, nextPollAt: null });
    return done;
  });
  ctx.logger.warn(
    { ...target.key, reason, subscriptions: paused.map((s) => s.id) },
    'feeds paused; their channels are told once',
  );
  for (const channel of distinctChannels(paused.map((sub) => sub.channel)))
    await ctx.lanes.notify(channel, notice);
  return paused;
}

export function distinctChannels(channels: readonly ChannelRef[]): ChannelRef[] {
  const byKey = new Map<string, ChannelRef>();
  for (const channel of channels) byKey.set(channelKey(channel), channel);
  return [...byKey.values()];
}
