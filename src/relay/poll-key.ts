import type { CoopClient } from '../coop/client/coop-client.js';
import { CoopError } from '../coop/coop-error.js';
import type { Status } from '../coop/types.js';
import { zoneFromRails } from '../coop/zone.js';
import type { Account, ChannelRef, NewOutboxRow, SeenStatus, Subscription } from '../store/store.js';
import { diffWindow, type WindowDiff } from './diff-window.js';
import { ownerUnlinkedNotice, walkCutNotice } from './feed-notices.js';
import type { GroupInfo } from './group-directory.js';
import { distinctChannels } from './pause-feeds.js';
import { planOutbox } from './plan-outbox.js';
import { handlePollFailure, PAUSE_REASONS, pauseKey } from './poll-failure.js';
import { commitPollLease, type HeldPollLease, PollLeaseLostError } from './poll-lease.js';
import type { KeyState, PollSchedule } from './poll-schedule.js';
import type { PollTarget } from './poll-targets.js';
import type { RelayContext } from './relay-context.js';
import { overflowed, type WalkResult, walkBack } from './walk-back.js';

export type PollOutcome = 'not_modified' | 'baseline' | 'read' | 'failed' | 'paused' | 'lease_lost';

export interface PollResult {
  outcome: PollOutcome;
  /** Channels that got outbox rows: the sender should look at them. */
  channels: ChannelRef[];
}

/** One poll in progress: who polls what, and what the key knew before. */
interface PollRun {
  ctx: RelayContext;
  schedule: PollSchedule;
  target: PollTarget;
  lease: HeldPollLease;
  state: KeyState;
  owner: Account;
  client: CoopClient;
  baseline: boolean;
}

interface ReadWindow {
  etag: string | null;
  answer: Status[];
  seen: SeenStatus[];
  walk?: WalkResult;
  info?: GroupInfo;
}

/**
 * One poll of one (group, owner) under its lease: a conditional read, the diff, and one
 * transaction that also frees the lease. Failures leave the lease to the caller to free.
 */
export async function pollKey(
  ctx: RelayContext,
  schedule: PollSchedule,
  target: PollTarget,
  lease: HeldPollLease,
): Promise<PollResult> {
  const state = await schedule.stateOf(target.key);
  const owner = await ctx.owners.get(target.key.ownerAccountId);
  if (!owner) {
    // The store pauses feeds when their owner unlinks; this only closes a race with that.
    await pauseKey(ctx, schedule, target, PAUSE_REASONS.ownerUnlinked, ownerUnlinkedNotice());
    return { outcome: 'paused', channels: [] };
  }
  const client = ctx.coop.withCredentials({ email: owner.coopEmail, password: owner.password });
  const run: PollRun = {
    ctx,
    schedule,
    target,
    lease,
    state,
    owner,
    client,
    baseline: isBaseline(target, state),
  };
  try {
    const etag = run.baseline ? undefined : (state.etag ?? undefined);
    const answer = await client.groupStatuses(target.key.groupId, { etag });
    if (answer.notModified) {
      await recordQuietPoll(run, answer.etag);
      return { outcome: 'not_modified', channels: [] };
    }
    const window = await readWindow(run, answer.value, answer.etag ?? null);
    return await commitPoll(run, window);
  } catch (error) {
    if (error instanceof PollLeaseLostError) {
      // Another process polls the key now (this one was too slow); it is not a failure.
      ctx.logger.warn({ ...target.key }, 'poll lease lost; the poll was discarded');
      return { outcome: 'lease_lost', channels: [] };
    }
    ctx.observer.polled?.('error', error instanceof CoopError ? error.code : 'internal');
    await handlePollFailure(ctx, schedule, target, state, owner, error);
    return { outcome: 'failed', channels: [] };
  }
}

/**
 * A poll records and delivers nothing the first time a key is polled, and also when no feed it
 * serves is older than its last successful poll: a key nobody followed for a while must not
 * replay what happened meanwhile to a feed subscribed just now.
 */
/**
 * When the poll key's feeds began, to the whole second: Co-op times drop milliseconds, so a status
 * posted 300 ms after `subscribe` can carry an earlier-looking time.
 */
export function subscribedSince(subscriptions: readonly { createdAt: number }[]): number {
  const earliest = subscriptions.reduce((min, sub) => Math.min(min, sub.createdAt), Number.POSITIVE_INFINITY);
  return Math.floor(earliest / 1000) * 1000;
}

function isBaseline(target: PollTarget, state: KeyState): boolean {
  const last = state.lastPollAt;
  return last === null || target.subscriptions.every((sub) => sub.createdAt > last);
}

async function readWindow(run: PollRun, answer: Status[], etag: string | null): Promise<ReadWindow> {
  const { ctx, target } = run;
  const seen = await ctx.store.loadSeen(target.key);
  if (run.baseline || !overflowed(answer, seen)) return { etag, answer, seen };
  const info = await ctx.groups.info(run.owner.id, run.client, target.key.groupId);
  const sinceMs = seen.reduce((max, entry) => Math.max(max, entry.createdAt), 0);
  const walk = await walkBack(run.client, target.key.groupId, info.zone, {
    nowMs: ctx.now(),
    sinceMs,
    capDays: ctx.walkCapDays,
  });
  ctx.logger.info(
    { ...target.key, days: walk.days, statuses: walk.statuses.length, cutFrom: walk.cutFrom },
    'window overflowed; walked the date routes',
  );
  return { etag, answer, seen, walk, info };
}

/** Marks seen, writes the outbox and stores the ETag in one transaction: all of it, or a re-poll. */
async function commitPoll(run: PollRun, window: ReadWindow): Promise<PollResult> {
  const { ctx, target, owner } = run;
  const diff = diffWindow({
    seen: window.seen,
    statuses: window.walk ? [...window.answer, ...window.walk.statuses] : window.answer,
    completeAnswer: window.walk ? undefined : window.answer,
    baseline: run.baseline,
    baselineNewSince: run.baseline ? subscribedSince(target.subscriptions) : undefined,
  });
  // The first poll learns the group's name and zone too: the first status then goes out without
  // waiting for them, and notices can name the group.
  const needsInfo = run.baseline || diff.fresh.length > 0 || diff.changed.length > 0;
  const info =
    window.info ?? (needsInfo ? await ctx.groups.info(owner.id, run.client, target.key.groupId) : undefined);
  const now = ctx.now();
  const nextPollAt = run.schedule.nextAfter(run.state.nextPollAt, now);
  const rows = await ctx.store.transaction(async (tx) => {
    // Read inside the transaction: a feed created while Co-op answered gets what is new to it.
    const subscriptions = (await tx.listSubscriptionsByOwner(owner.id)).filter(
      (sub) => sub.groupId === target.key.groupId && sub.state === 'active',
    );
    await tx.markSeen(target.key, diff.seenUpdates);
    const planned = planFor(run, diff, subscriptions, info);
    const appended = planned.length > 0 ? await tx.appendOutbox(planned) : [];
    // Only while the lease is still ours: otherwise roll all of it back, the new holder delivers.
    const kept = await tx.commitPollLease(target.key, run.lease.owner, {
      etag: window.etag,
      lastPollAt: now,
      nextPollAt,
      failureCount: 0,
      backoffUntil: null,
    });
    if (!kept) throw new PollLeaseLostError(target.key);
    if (run.state.failureCount > 0) {
      for (const sub of subscriptions) await tx.updateSubscription(sub.id, { consecutiveFailures: 0 });
    }
    return appended;
  });
  run.lease.settled = true;
  run.schedule.set(target.key, { etag: window.etag, lastPollAt: now, nextPollAt, failureCount: 0 });
  if (window.walk?.cutFrom !== undefined) await tellWalkCut(run, info, window.walk.cutFrom);
  return {
    outcome: run.baseline ? 'baseline' : 'read',
    channels: distinctChannels(rows.map((row) => row.channel)),
  };
}

function planFor(
  run: PollRun,
  diff: WindowDiff,
  subscriptions: readonly Subscription[],
  info: GroupInfo | undefined,
): NewOutboxRow[] {
  const { ctx, target } = run;
  // Removals alone need no name (the message is only deleted), so they cost no groups() call.
  const groupName =
    info?.name ??
    ctx.groups.knownName(target.key.ownerAccountId, target.key.groupId) ??
    `Group ${target.key.groupId}`;
  return planOutbox({
    subscriptions,
    fresh: diff.fresh,
    changed: diff.changed,
    deleted: diff.deleted,
    groupName,
    zone: info?.zone ?? zoneFromRails('UTC'),
    removeDeleted: ctx.removeDeleted,
  });
}

/**
 * A 304: nothing to parse or diff; only the schedule moves. It is written every time, with the
 * lease's release: other processes go by the stored schedule.
 */
async function recordQuietPoll(run: PollRun, etag: string): Promise<void> {
  const { ctx, target, state } = run;
  const now = ctx.now();
  const nextPollAt = run.schedule.nextAfter(state.nextPollAt, now);
  const recovered = state.failureCount > 0;
  const kept = await commitPollLease(ctx, run.lease, {
    etag,
    lastPollAt: now,
    nextPollAt,
    ...(recovered ? { failureCount: 0, backoffUntil: null } : {}),
  });
  if (!kept) ctx.logger.warn({ ...target.key }, 'poll lease lost before a 304 was recorded');
  if (recovered) {
    for (const sub of target.subscriptions) {
      await ctx.store.updateSubscription(sub.id, { consecutiveFailures: 0 });
    }
  }
  run.schedule.set(target.key, { etag, lastPollAt: now, nextPollAt, failureCount: 0 });
}

async function tellWalkCut(run: PollRun, info: GroupInfo | undefined, cutFrom: string): Promise<void> {
  const notice = walkCutNotice(info?.name ?? `group ${run.target.key.groupId}`, cutFrom);
  const channels = distinctChannels(run.target.subscriptions.map((sub) => sub.channel));
  for (const channel of channels) await run.ctx.lanes.notify(channel, notice);
}
