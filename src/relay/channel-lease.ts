import type { ChannelRef } from '../store/store.js';
import type { RelayContext } from './relay-context.js';

/** What `hold` found: the lease was already ours, is newly ours, or another process has it. */
export type LeaseHold = 'held' | 'fresh' | 'busy';

/**
 * This process's send lease on one channel: one sender per channel across every process on the
 * database, so per-channel order holds. Taken when the sender starts, extended while it works
 * (when less than half its length is left, so a busy channel costs one write per half lease),
 * released when the channel is idle or the relay stops. A crash lets it expire.
 */
export class ChannelLease {
  /** Until when this process holds the lease, by its own clock; 0 when it does not. */
  private until = 0;

  constructor(
    private readonly ctx: RelayContext,
    private readonly channel: ChannelRef,
  ) {}

  /**
   * Makes sure the lease is held for a while more. 'fresh' means it was not held a moment ago:
   * someone else may have worked the channel meanwhile, so what the sender remembers is stale.
   */
  async hold(): Promise<LeaseHold> {
    const now = this.ctx.now();
    if (this.until - now > this.ctx.leaseTtlMs / 2) return 'held';
    const wasHeld = this.until > now;
    const until = now + this.ctx.leaseTtlMs;
    const ok = await this.ctx.store.acquireChannelLease(this.channel, {
      owner: this.ctx.instanceId,
      now,
      until,
    });
    if (!ok) {
      this.until = 0;
      return 'busy';
    }
    this.until = until;
    return wasHeld ? 'held' : 'fresh';
  }

  async release(): Promise<void> {
    if (this.until === 0) return;
    this.until = 0;
    await this.ctx.store.releaseChannelLease(this.channel, this.ctx.instanceId);
  }
}
