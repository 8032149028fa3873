import type { PollTarget } from './poll-targets.js';
import type { RelayContext } from './relay-context.js';

/**
 * Keeps the store from growing without end: seen statuses older than the retention (but always the
 * newest few, which overflow detection needs) and finished outbox rows. Each call deletes a bounded
 * batch, so no prune holds a long write lock; what is left goes next time.
 */
export async function pruneRelayState(ctx: RelayContext, targets: readonly PollTarget[]): Promise<void> {
  const now = ctx.now();
  let seen = 0;
  for (const target of targets) {
    if (ctx.signal.aborted) return;
    seen += await ctx.store.pruneSeen(target.key, {
      createdBefore: now - ctx.seenRetention.maxAgeMs,
      keepNewest: ctx.seenRetention.keepNewest,
    });
  }
  const outbox = await ctx.store.pruneOutbox({ updatedBefore: now - ctx.outboxRetentionMs });
  if (seen > 0 || outbox > 0) ctx.logger.info({ seen, outbox }, 'pruned relay state');
}
