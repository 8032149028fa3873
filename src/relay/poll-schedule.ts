import type { PollKey, PollState, Store } from '../store/store.js';
import { pollKeyId } from './channel-key.js';

/** What the poller keeps in memory per poll key; poll_state in the store survives restarts. */
export interface KeyState {
  etag: string | null;
  /** The last successful poll (200 or 304), null before the first. */
  lastPollAt: number | null;
  /** Not before this: the next interval, or the end of a backoff. */
  nextPollAt: number;
  failureCount: number;
}

/**
 * When each poll key is due, as far as this process knows. Loaded once per key from the store,
 * then kept here so a pass over a thousand quiet keys reads nothing. Other processes may poll the
 * same keys: the memory copy is only a hint of when to ask; the poll lease (poll-lease.ts) checks
 * the stored schedule and brings the copy up to date.
 */
export class PollSchedule {
  private readonly states = new Map<string, KeyState>();

  constructor(
    private readonly store: Store,
    private readonly intervalMs: number,
    private readonly jitter: number,
    private readonly random: () => number,
  ) {}

  async stateOf(key: PollKey): Promise<KeyState> {
    const id = pollKeyId(key);
    const known = this.states.get(id);
    if (known) return known;
    const loaded = fromStore(await this.store.getPollState(key));
    this.states.set(id, loaded);
    return loaded;
  }

  /** The state if already loaded: lets a pass over many quiet keys skip an await per key. */
  peek(key: PollKey): KeyState | undefined {
    return this.states.get(pollKeyId(key));
  }

  set(key: PollKey, state: KeyState): void {
    this.states.set(pollKeyId(key), state);
  }

  /** The stored state, read when the key's lease was taken: another process may have polled last. */
  adopt(row: PollState): void {
    this.states.set(pollKeyId(row), fromStore(row));
  }

  /** The key is not due in the store, or another process polls it: look again at `retryAt`. */
  deferUntil(key: PollKey, retryAt: number): void {
    const state = this.states.get(pollKeyId(key));
    if (state && state.nextPollAt !== Number.POSITIVE_INFINITY) state.nextPollAt = retryAt;
    else if (!state) this.states.set(pollKeyId(key), { ...fromStore(undefined), nextPollAt: retryAt });
  }

  /**
   * A paused key is not polled again until a fresh read of the feeds shows it active (`refresh`):
   * a list read before the pause must not bring it back.
   */
  pause(key: PollKey): void {
    const state = this.states.get(pollKeyId(key));
    if (state) state.nextPollAt = Number.POSITIVE_INFINITY;
    else this.states.set(pollKeyId(key), { ...fromStore(undefined), nextPollAt: Number.POSITIVE_INFINITY });
  }

  /**
   * After reading the active feeds from the store: keys no longer polled are dropped, and paused
   * keys that are active again (a login, a new subscription) start afresh from the store's state.
   */
  refresh(activeIds: ReadonlySet<string>): void {
    for (const [id, state] of this.states) {
      if (!activeIds.has(id) || state.nextPollAt === Number.POSITIVE_INFINITY) this.states.delete(id);
    }
  }

  /**
   * The interval ± jitter after the time the poll was due, so a poll started a little late (a tick,
   * a busy moment) does not push every later one back: the mean stays one interval per key, and
   * keys polled together drift apart. A poll more than an interval late starts a new rhythm from
   * now instead of catching up with a burst.
   */
  nextAfter(dueAt: number, now: number): number {
    const base = now - dueAt < this.intervalMs ? dueAt : now;
    return base + Math.round(this.intervalMs * (1 + this.jitter * (2 * this.random() - 1)));
  }
}

function fromStore(row: PollState | undefined): KeyState {
  return {
    etag: row?.etag ?? null,
    lastPollAt: row?.lastPollAt ?? null,
    nextPollAt: Math.max(row?.nextPollAt ?? 0, row?.backoffUntil ?? 0),
    failureCount: row?.failureCount ?? 0,
  };
}
