import { Delivery } from './delivery.js';
import { GroupDirectory } from './group-directory.js';
import { LaneRegistry } from './lane-registry.js';
import { OwnerAccounts } from './owner-accounts.js';
import { Poller } from './poller.js';
import type { RelayContext } from './relay-context.js';
import { type RelayOptions, resolveRelayOptions } from './relay-options.js';

export interface Relay {
  /** Polls on schedule and delivers in the background until `stop`. */
  start(): Promise<void>;
  /** Graceful: starts no new poll or send, and resolves when those in flight are done. */
  stop(): Promise<void>;
  /** One pass over the poll keys that are due; resolves when their polls are done. */
  pollDue(): Promise<void>;
  /** Delivers everything pending (except channels backing off after a failure), then resolves. */
  drain(): Promise<void>;
}

/** How often the background loop looks for due keys: a tenth of the interval, within [100 ms, 1 s]. */
function tickMsFor(pollIntervalMs: number): number {
  return Math.min(1_000, Math.max(100, Math.round(pollIntervalMs / 10)));
}

/** How many ticks between sweeps for pending rows a kick may have missed. */
const SWEEP_EVERY_TICKS = 5;

/**
 * Channel feeds: polls each (group, owner) once per interval, writes what is new to the outbox in
 * the same transaction that marks it seen, and delivers the outbox per channel through the sinks.
 */
export function createRelay(options: RelayOptions): Relay {
  const resolved = resolveRelayOptions(options);
  const abort = new AbortController();
  const ctx: RelayContext = {
    ...resolved,
    signal: abort.signal,
    lanes: new LaneRegistry({
      rates: resolved.ratePerPlatform,
      sinkFor: resolved.sinkFor,
      now: resolved.now,
      sleep: resolved.sleep,
      signal: abort.signal,
      logger: resolved.logger,
    }),
    groups: new GroupDirectory(resolved.groupInfoTtlMs, resolved.now, resolved.logger),
    owners: new OwnerAccounts(resolved.store, resolved.now),
  };
  const delivery = new Delivery(ctx);
  const poller = new Poller(ctx, (channels) => delivery.kick(channels));
  const tickMs = tickMsFor(ctx.pollIntervalMs);
  // New, paused and resumed feeds are noticed within this; due keys within a tick.
  const targetRefreshMs = Math.min(5_000, ctx.pollIntervalMs);
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let ticks = 0;

  const tick = async () => {
    try {
      await poller.startDue(targetRefreshMs);
      if (++ticks % SWEEP_EVERY_TICKS === 0) await delivery.sweep();
    } catch (error) {
      ctx.logger.error({ err: error }, 'relay tick failed');
    }
  };
  const schedule = () => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      ticking = tick().finally(schedule);
    }, tickMs);
  };

  return {
    async start() {
      if (abort.signal.aborted) throw new Error('A stopped relay cannot start again; create a new one.');
      if (timer !== undefined || ticking !== undefined) return;
      await delivery.goLive();
      ticking = tick().finally(schedule);
      ctx.logger.info({ pollIntervalMs: ctx.pollIntervalMs, instanceId: ctx.instanceId }, 'relay started');
    },
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await ticking;
      await poller.idle();
      await delivery.idle();
      // Hand the work over now rather than when the leases expire.
      await ctx.store
        .releaseLeases(ctx.instanceId)
        .catch((error: unknown) => ctx.logger.warn({ err: error }, 'releasing leases failed'));
      ctx.logger.info('relay stopped');
    },
    pollDue: () => poller.pollDue(),
    drain: () => delivery.drain(),
  };
}
