import pLimit, { type LimitFunction } from 'p-limit';
import type { ChannelRef } from '../store/store.js';
import { type PollOutcome, pollKey } from './poll-key.js';
import { leaseDueKey, releasePollLease } from './poll-lease.js';
import { PollSchedule } from './poll-schedule.js';
import { type PollTarget, pollTargets } from './poll-targets.js';
import { pruneRelayState } from './prune-relay-state.js';
import type { RelayContext } from './relay-context.js';

/**
 * Decides which poll keys are due and polls them, at most `maxPollsInFlight` at once and never the
 * same key twice at a time. Each poll runs under the key's lease in the store, so processes
 * sharing a database poll each key once per interval between them. The memory schedule and the
 * in-flight set live here; the store keeps what must survive a restart or be shared.
 */
export class Poller {
  private readonly schedule: PollSchedule;
  private readonly limit: LimitFunction;
  private readonly inFlight = new Map<string, Promise<void>>();
  private nextMaintenanceAt = 0;
  private maintenance: Promise<void> | undefined;
  private targets: { list: PollTarget[]; at: number } | undefined;

  constructor(
    private readonly ctx: RelayContext,
    private readonly onRows: (channels: ChannelRef[]) => void,
  ) {
    this.schedule = new PollSchedule(ctx.store, ctx.pollIntervalMs, ctx.jitter, ctx.random);
    this.limit = pLimit(ctx.maxPollsInFlight);
  }

  /**
   * Reads the feeds afresh, starts every due poll and resolves when they are done: the
   * deterministic entry point of tests and the bench.
   */
  async pollDue(): Promise<void> {
    await Promise.all(await this.startDue(0));
  }

  /**
   * Starts every due poll without waiting for them; returns their promises. The list of feeds is
   * read again when older than `maxTargetAgeMs`, so a frequent background tick costs no query.
   */
  async startDue(maxTargetAgeMs: number): Promise<Promise<void>[]> {
    if (this.ctx.signal.aborted) return [];
    const targets = await this.targetsNoOlderThan(maxTargetAgeMs);
    const now = this.ctx.now();
    const started: Promise<void>[] = [];
    for (const target of targets) {
      if (this.inFlight.has(target.id)) continue;
      const state = this.schedule.peek(target.key) ?? (await this.schedule.stateOf(target.key));
      if (state.nextPollAt > now) continue;
      started.push(this.start(target));
    }
    const maintenance = this.maybeMaintain(targets, now);
    if (maintenance) started.push(maintenance);
    return started;
  }

  private async targetsNoOlderThan(maxAgeMs: number): Promise<PollTarget[]> {
    const now = this.ctx.now();
    if (this.targets && now - this.targets.at < maxAgeMs) return this.targets.list;
    const list = pollTargets(await this.ctx.store.listActiveSubscriptions());
    this.schedule.refresh(new Set(list.map((t) => t.id)));
    this.targets = { list, at: now };
    return list;
  }

  /** Resolves when no poll (or pruning) is running. */
  async idle(): Promise<void> {
    await Promise.all([...this.inFlight.values(), this.maintenance]);
  }

  private start(target: PollTarget): Promise<void> {
    const run = this.limit(async () => {
      // Stopping lets polls already running finish, and starts no queued one.
      if (this.ctx.signal.aborted) return;
      // Due in this process's memory; the lease checks the stored schedule (other processes).
      const lease = await leaseDueKey(this.ctx, this.schedule, target.key);
      if (!lease) return;
      try {
        const result = await pollKey(this.ctx, this.schedule, target, lease);
        observePoll(this.ctx, result.outcome);
        if (result.channels.length > 0) this.onRows(result.channels);
      } finally {
        await releasePollLease(this.ctx, lease);
      }
    })
      .catch((error: unknown) => {
        this.ctx.logger.error({ ...target.key, err: error }, 'poll crashed');
      })
      .finally(() => this.inFlight.delete(target.id));
    this.inFlight.set(target.id, run);
    return run;
  }

  private maybeMaintain(targets: readonly PollTarget[], now: number): Promise<void> | undefined {
    if (this.maintenance || now < this.nextMaintenanceAt) return undefined;
    this.nextMaintenanceAt = now + this.ctx.maintenanceEveryMs;
    this.maintenance = pruneRelayState(this.ctx, targets)
      .catch((error: unknown) => this.ctx.logger.error({ err: error }, 'pruning failed'))
      .finally(() => {
        this.maintenance = undefined;
      });
    return this.maintenance;
  }
}

/** Polls as metrics count them: a changed list (the first one too) or a 304; failures, with their code, where they happen. */
function observePoll(ctx: RelayContext, outcome: PollOutcome): void {
  if (outcome === 'read' || outcome === 'baseline') ctx.observer.polled?.('changed');
  else if (outcome === 'not_modified') ctx.observer.polled?.('not_modified');
}
