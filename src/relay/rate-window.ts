import type { PlatformRate } from './relay-options.js';
import type { Sleep } from './sleep.js';

/**
 * A sliding-window rate limit for one channel: at most `count` calls in any `perMs`. Written
 * here rather than taken from p-queue so that it runs on the relay's clock and sleep, which tests
 * replace to drive time without waiting.
 */
export class RateWindow {
  private readonly recent: number[] = [];

  constructor(
    private readonly rate: PlatformRate,
    private readonly now: () => number,
    private readonly sleep: Sleep,
  ) {}

  /** Resolves when one more call fits in the window, and counts it. */
  async take(signal?: AbortSignal): Promise<void> {
    if (this.rate === 'unlimited') return;
    const { count, perMs } = this.rate;
    for (;;) {
      const now = this.now();
      while (this.recent.length > 0 && (this.recent[0] as number) <= now - perMs) this.recent.shift();
      if (this.recent.length < count) {
        this.recent.push(now);
        return;
      }
      if (signal?.aborted) return;
      await this.sleep((this.recent[0] as number) + perMs - now, signal);
    }
  }
}
