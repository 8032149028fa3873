import type { ChannelRef } from '../store/store.js';
import { RateWindow } from './rate-window.js';
import type { PlatformRate } from './relay-options.js';
import type { Sleep } from './sleep.js';

/** A lane refused a call because the relay is stopping; nothing was sent. */
export class RelayStoppedError extends Error {
  override readonly name = 'RelayStoppedError';
  readonly code = 'relay_stopped';
  constructor() {
    super('The relay is stopping; the call was not made.');
  }
}

/**
 * Everything one channel sends goes through its lane, one call at a time, within the platform's
 * rate and after any "retry after" the platform asked for: feed messages from the sender and
 * notices from the poller alike.
 */
export class ChannelLane {
  private tail: Promise<unknown> = Promise.resolve();
  private notBefore = 0;
  private readonly rate: RateWindow;

  constructor(
    readonly channel: ChannelRef,
    rate: PlatformRate,
    private readonly now: () => number,
    private readonly sleep: Sleep,
    private readonly signal: AbortSignal,
  ) {
    this.rate = new RateWindow(rate, now, sleep);
  }

  /** Runs `call` when the lane is free and the rate allows; resolves or rejects with it. */
  run<T>(call: () => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      await this.sleep(this.notBefore - this.now(), this.signal);
      await this.rate.take(this.signal);
      // Stopping cuts waits short; the call must then not go out early, past the platform's rate.
      if (this.signal.aborted) throw new RelayStoppedError();
      return call();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** The platform answered "rate limited, retry after": the lane waits that long. */
  holdUntil(until: number): void {
    this.notBefore = Math.max(this.notBefore, until);
  }
}
