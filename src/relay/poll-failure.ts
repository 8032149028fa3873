import { CoopError } from '../coop/coop-error.js';
import type { Account } from '../store/store.js';
import { backoffMs } from './backoff.js';
import { groupNotVisibleNotice, ownerLoginFailedNotice, repeatedFailuresNotice } from './feed-notices.js';
import { pauseFeeds } from './pause-feeds.js';
import type { KeyState, PollSchedule } from './poll-schedule.js';
import type { PollTarget } from './poll-targets.js';
import type { RelayContext } from './relay-context.js';

/** Why a feed was paused by the poller; `feeds` shows these. */
export const PAUSE_REASONS = {
  ownerLoginFailed: 'owner_login_failed',
  groupNotVisible: 'group_not_visible',
  ownerUnlinked: 'owner_unlinked',
  /** Followed by the last Co-op error code, e.g. `poll_failed:server_error`. */
  repeatedFailures: 'poll_failed',
} as const;

/** The stable code of a failed poll: a CoopError's own, `internal` for anything else (a store error). */
export function failureCode(error: unknown): string {
  return error instanceof CoopError ? error.code : 'internal';
}

/**
 * A failed poll: 401 and 404 pause at once (nothing will change until a person acts); anything
 * else backs off exponentially with jitter, and pauses after `maxFailures` in a row. The backoff
 * is persisted, so a restart neither forgets it nor hammers a Co-op that is down.
 */
export async function handlePollFailure(
  ctx: RelayContext,
  schedule: PollSchedule,
  target: PollTarget,
  state: KeyState,
  owner: Account,
  error: unknown,
): Promise<void> {
  const code = failureCode(error);
  const group =
    ctx.groups.knownName(target.key.ownerAccountId, target.key.groupId) ?? `group ${target.key.groupId}`;
  if (code === 'unauthorized') {
    const current = await ctx.owners.fresh(owner.id);
    if (current && current.password !== owner.password) {
      // Logged in again since the cached login was read: try the new one at once.
      schedule.set(target.key, { ...state, nextPollAt: ctx.now() });
      return;
    }
    ctx.owners.forget(owner.id);
    await pauseKey(
      ctx,
      schedule,
      target,
      PAUSE_REASONS.ownerLoginFailed,
      ownerLoginFailedNotice(group, owner.coopEmail),
    );
    return;
  }
  if (code === 'not_found') {
    await pauseKey(
      ctx,
      schedule,
      target,
      PAUSE_REASONS.groupNotVisible,
      groupNotVisibleNotice(group, owner.coopEmail),
    );
    return;
  }
  const failureCount = state.failureCount + 1;
  if (failureCount >= ctx.maxFailures) {
    ctx.logger.warn({ ...target.key, code, failureCount }, 'poll failed too often; pausing the feeds');
    const reason = `${PAUSE_REASONS.repeatedFailures}:${code}`;
    await pauseKey(ctx, schedule, target, reason, repeatedFailuresNotice(group, failureCount, code));
    return;
  }
  await backOff(ctx, schedule, target, state, failureCount, error);
}

/** Pauses the key's feeds, then stops polling it (after the pause is stored, so a list of feeds read
 * meanwhile cannot bring the key back). */
export async function pauseKey(
  ctx: RelayContext,
  schedule: PollSchedule,
  target: PollTarget,
  reason: string,
  notice: string,
): Promise<void> {
  await pauseFeeds(ctx, target, reason, notice);
  schedule.pause(target.key);
}

async function backOff(
  ctx: RelayContext,
  schedule: PollSchedule,
  target: PollTarget,
  state: KeyState,
  failureCount: number,
  error: unknown,
): Promise<void> {
  const code = failureCode(error);
  const waitMs = backoffMs(failureCount, ctx.pollIntervalMs, ctx.maxBackoffMs, ctx.random);
  const backoffUntil = ctx.now() + waitMs;
  schedule.set(target.key, { ...state, failureCount, nextPollAt: backoffUntil });
  const level = code === 'internal' ? 'error' : 'warn';
  ctx.logger[level](
    { ...target.key, code, failureCount, backoffMs: waitMs, err: error },
    'poll failed; backing off',
  );
  await ctx.store.transaction(async (tx) => {
    await tx.upsertPollState(target.key, { failureCount, backoffUntil, nextPollAt: backoffUntil });
    for (const sub of target.subscriptions) {
      await tx.updateSubscription(sub.id, { consecutiveFailures: failureCount });
    }
  });
}
