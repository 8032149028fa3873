import type { PollKey, PollStatePatch } from '../store/store.js';
import type { PollSchedule } from './poll-schedule.js';
import type { RelayContext } from './relay-context.js';

/**
 * A poll lease this relay holds: taken right before a poll, given back by the poll's commit (or,
 * if the poll ended otherwise, by `releasePollLease`). A crash just lets it expire.
 */
export interface HeldPollLease {
  key: PollKey;
  owner: string;
  /** The poll wrote its outcome and freed the lease. */
  settled: boolean;
}

/** The lease expired and another process took the key: this poll must commit nothing. */
export class PollLeaseLostError extends Error {
  override readonly name = 'PollLeaseLostError';
  readonly code = 'poll_lease_lost';
  constructor(key: PollKey) {
    super(`The poll lease of group ${key.groupId} (owner ${key.ownerAccountId}) was lost.`);
  }
}

/**
 * Takes the key's lease if the key is due in the store: the stored schedule, not this process's
 * memory, decides, so across all processes each key is polled once per interval. On success the
 * memory schedule takes the stored state (another process may have polled last); otherwise it
 * learns when to look again.
 */
export async function leaseDueKey(
  ctx: RelayContext,
  schedule: PollSchedule,
  key: PollKey,
): Promise<HeldPollLease | undefined> {
  const now = ctx.now();
  const result = await ctx.store.acquirePollLease(key, {
    owner: ctx.instanceId,
    now,
    until: now + ctx.leaseTtlMs,
  });
  if (!result.acquired) {
    schedule.deferUntil(key, result.retryAt);
    return undefined;
  }
  schedule.adopt(result.state);
  return { key, owner: ctx.instanceId, settled: false };
}

/** Writes the poll's outcome and frees the lease; false when the lease was lost meanwhile. */
export async function commitPollLease(
  ctx: RelayContext,
  lease: HeldPollLease,
  patch: PollStatePatch,
): Promise<boolean> {
  const kept = await ctx.store.commitPollLease(lease.key, lease.owner, patch);
  lease.settled = true;
  return kept;
}

/** After a poll that did not commit (a failure, a pause, a crash of the poll): free the lease. */
export async function releasePollLease(ctx: RelayContext, lease: HeldPollLease): Promise<void> {
  if (lease.settled) return;
  await commitPollLease(ctx, lease, {});
}
