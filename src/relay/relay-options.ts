import { randomBytes } from 'node:crypto';
import type { CoopClient } from '../coop/client/coop-client.js';
import type { Logger } from '../log/logger.js';
import type { Platform, Store } from '../store/store.js';
import type { ChatSink } from './chat-sink.js';
import type { RelayObserver } from './relay-observer.js';
import { type Sleep, sleepFor } from './sleep.js';

/** At most `count` platform calls per channel in any window of `perMs`. */
export interface RateLimit {
  count: number;
  perMs: number;
}

export type PlatformRate = RateLimit | 'unlimited';

export type SinkLookup = ReadonlyMap<Platform, ChatSink> | ((platform: Platform) => ChatSink | undefined);

export interface SeenRetention {
  /** Seen statuses created longer ago than this are pruned… */
  maxAgeMs: number;
  /** …except the newest ones, which overflow detection needs. */
  keepNewest: number;
}

export interface RelayOptions {
  store: Store;
  /** A client without credentials; the relay derives one per feed owner. */
  coop: CoopClient;
  sinks: SinkLookup;
  logger: Logger;
  /** One Co-op request per (group, owner) per interval. Default 30 000. */
  pollIntervalMs?: number;
  /** Consecutive failed polls (other than 401/404) before a feed pauses. Default 10. */
  maxFailures?: number;
  /** Remove the chat message of a status deleted in Co-op. Default true. */
  removeDeleted?: boolean;
  /** Per-channel send rate. Defaults: slack 1 per 1 s, discord 5 per 5 s, shell unlimited. */
  ratePerPlatform?: Partial<Record<Platform, PlatformRate>>;
  /** Polls running at once. Default 8 (the Co-op client's connection pool). */
  maxPollsInFlight?: number;
  /** Channels sending at once. Default 32. */
  maxChannelsInFlight?: number;
  /** How many days an overflow walk fetches at most. Default 14. */
  walkCapDays?: number;
  /** Spread of the poll schedule, as a fraction of the interval (±). Default 0.1. */
  jitter?: number;
  /** The longest wait between failed polls or failed sends. Default 15 minutes. */
  maxBackoffMs?: number;
  /** Default: 30 days, keeping the newest 200 per poll key. */
  seenRetention?: SeenRetention;
  /** Sent and failed outbox rows are kept this long. Default 1 day. */
  outboxRetentionMs?: number;
  /** How often pruning runs. Default 1 hour. */
  maintenanceEveryMs?: number;
  /** How long a group's name and zone are trusted before `groups()` is asked again. Default 1 hour. */
  groupInfoTtlMs?: number;
  /**
   * This relay's identity in leases: unique among the processes sharing the database. Default: a
   * random id per relay. A process restarted under the same id takes its earlier leases back at
   * once instead of waiting for them to expire.
   */
  instanceId?: string;
  /**
   * How long a poll or channel lease lasts before another process may take the work over (a
   * crashed holder's work waits this long). Senders extend theirs while working. Default 60 000.
   */
  leaseTtlMs?: number;
  now?: () => number;
  random?: () => number;
  /** Waits for rate windows and backoffs; tests pass one that advances their clock. */
  sleep?: Sleep;
  /** Told about polls, deliveries and chat errors (metrics). */
  observer?: RelayObserver;
}

export type ResolvedRelayOptions = Required<Omit<RelayOptions, 'ratePerPlatform' | 'sinks'>> & {
  ratePerPlatform: Record<Platform, PlatformRate>;
  sinkFor: (platform: Platform) => ChatSink | undefined;
};

/** A relay option out of range; `option` names the one to fix. */
export class RelayOptionError extends Error {
  override readonly name = 'RelayOptionError';
  readonly code = 'relay_option_invalid';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_RATES: Readonly<Record<Platform, PlatformRate>> = {
  slack: { count: 1, perMs: 1_000 },
  discord: { count: 5, perMs: 5_000 },
  shell: 'unlimited',
};

export function resolveRelayOptions(options: RelayOptions): ResolvedRelayOptions {
  const walkCapDays = positive(options.walkCapDays, 14, 'walkCapDays');
  const seenRetention = options.seenRetention ?? { maxAgeMs: 30 * DAY, keepNewest: 200 };
  // The walk must never reach pruned statuses, or it would deliver them a second time.
  if (seenRetention.maxAgeMs <= (walkCapDays + 1) * DAY) {
    throw new RelayOptionError('seenRetention', 'seenRetention.maxAgeMs must exceed walkCapDays + 1 days');
  }
  const sinks = options.sinks;
  return {
    store: options.store,
    coop: options.coop,
    logger: options.logger,
    pollIntervalMs: positive(options.pollIntervalMs, 30_000, 'pollIntervalMs'),
    maxFailures: positive(options.maxFailures, 10, 'maxFailures'),
    removeDeleted: options.removeDeleted ?? true,
    ratePerPlatform: { ...DEFAULT_RATES, ...options.ratePerPlatform },
    maxPollsInFlight: positive(options.maxPollsInFlight, 8, 'maxPollsInFlight'),
    maxChannelsInFlight: positive(options.maxChannelsInFlight, 32, 'maxChannelsInFlight'),
    walkCapDays,
    jitter: Math.min(0.5, Math.max(0, options.jitter ?? 0.1)),
    maxBackoffMs: positive(options.maxBackoffMs, 15 * MINUTE, 'maxBackoffMs'),
    seenRetention,
    outboxRetentionMs: positive(options.outboxRetentionMs, DAY, 'outboxRetentionMs'),
    maintenanceEveryMs: positive(options.maintenanceEveryMs, HOUR, 'maintenanceEveryMs'),
    groupInfoTtlMs: positive(options.groupInfoTtlMs, HOUR, 'groupInfoTtlMs'),
    instanceId: options.instanceId ?? `relay-${randomBytes(6).toString('hex')}`,
    leaseTtlMs: positive(options.leaseTtlMs, MINUTE, 'leaseTtlMs'),
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? sleepFor,
    observer: options.observer ?? {},
    sinkFor: typeof sinks === 'function' ? sinks : (platform) => sinks.get(platform),
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new RelayOptionError(name, `${name} must be a positive number, got ${value}`);
  }
  return value;
}
