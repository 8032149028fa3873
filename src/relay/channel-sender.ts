import type { LimitFunction } from 'p-limit';
import type { ChannelRef, OutboxRow } from '../store/store.js';
import { backoffMs } from './backoff.js';
import { failChannel } from './channel-failure.js';
import { ChannelLease } from './channel-lease.js';
import type { ChatSink } from './chat-sink.js';
import { type BatchOutcome, deliverBatch, type HeldBatch } from './deliver-batch.js';
import type { RelayContext } from './relay-context.js';
import { takeBatch } from './take-batch.js';

export type ChannelRunResult = 'idle' | 'deferred' | 'stopped';

/** How `run` treats a transient failure's backoff: wait it out, or come back later. */
export type RunMode = 'wait' | 'defer';

const SEND_BACKOFF_BASE_MS = 2_000;

/**
 * The one sender of one channel (the store's claim contract): oldest rows first, packed into one
 * message where they can be. A batch that was tried stays claimed and is retried exactly as it
 * was, same rows and nonce, until it is known sent or failed: a timeout may hide a message that
 * exists, and a resend with a different pack would defeat the platform's nonce check.
 *
 * It sends only while it holds the channel's lease (channel-lease.ts). On taking the lease it adopts
 * the channel's 'sending' rows: whoever claimed them before (a crashed process, or this one under
 * the same instance id) is gone, so they are in doubt.
 */
export class ChannelSender {
  private readonly held: HeldBatch[] = [];
  private failures = 0;
  private retryAt = 0;
  private readonly lease: ChannelLease;

  constructor(
    private readonly ctx: RelayContext,
    readonly channel: ChannelRef,
    private readonly sink: ChatSink,
  ) {
    this.lease = new ChannelLease(ctx, channel);
  }

  /** Rows claimed and not yet settled (in doubt after a crash, or waiting for a retry). */
  get holdsRows(): boolean {
    return this.held.length > 0;
  }

  /** Rows a crash left 'sending': they go first, as one message each, checked before any resend. */
  adoptInDoubt(rows: readonly OutboxRow[]): void {
    let rest = [...rows];
    while (rest.length > 0) {
      const next = takeBatch(rest, this.sink.maxStatusesPerMessage);
      this.held.push({ rows: next.batch, attempted: true });
      rest = next.rest;
    }
  }

  /**
   * Sends until the channel has nothing pending, is backing off (`defer`), is another process's
   * to serve ('deferred' too), or the relay stops. An idle channel's lease is given back, so the
   * process whose poll writes the next rows can take it at once.
   */
  async run(mode: RunMode, limit: LimitFunction): Promise<ChannelRunResult> {
    for (;;) {
      if (this.ctx.signal.aborted) return this.stopped();
      const wait = this.retryAt - this.ctx.now();
      if (wait > 0) {
        if (mode === 'defer') return 'deferred';
        await this.ctx.sleep(wait, this.ctx.signal);
        continue;
      }
      if (!(await this.holdLease())) return 'deferred';
      const more = await limit(() => this.step());
      if (!more) {
        if (this.held.length === 0) await this.lease.release();
        return 'idle';
      }
    }
  }

  /** Takes or extends the lease; on a fresh one, what this sender remembers is checked first. */
  private async holdLease(): Promise<boolean> {
    const hold = await this.lease.hold();
    if (hold === 'busy') {
      // Another process serves the channel; what this one held is that process's to resolve.
      this.held.length = 0;
      return false;
    }
    if (hold === 'fresh') {
      const sending = await this.ctx.store.listSendingOutbox(this.channel);
      const remembered = this.held.flatMap((batch) => batch.rows.map((row) => row.id));
      const same =
        sending.length === remembered.length && sending.every((row, i) => row.id === remembered[i]);
      if (!same) {
        this.held.length = 0;
        this.adoptInDoubt(sending);
        if (sending.length > 0) {
          this.ctx.logger.info(
            { channel: this.channel, rows: sending.length },
            'outbox rows in doubt adopted',
          );
        }
      }
    }
    return true;
  }

  /**
   * One message. Returns whether the channel may have more: not when the claim came back short
   * and all of it went out. (Rows appended meanwhile come with a kick, or the next drain's listing,
   * so skipping the empty claim that would confirm it loses nothing and saves a write per message.)
   */
  private async step(): Promise<boolean> {
    const claimed = this.held[0] ? undefined : await this.claim();
    const batch = this.held[0];
    if (!batch) return false;
    const outcome = await deliverBatch(this.ctx, this.sink, this.ctx.lanes.laneFor(this.channel), batch);
    await this.settle(outcome);
    return this.held.length > 0 || claimed?.exhausted !== true;
  }

  private async claim(): Promise<{ exhausted: boolean } | undefined> {
    const limit = Math.max(1, this.sink.maxStatusesPerMessage);
    const rows = await this.ctx.store.claimOutbox(this.channel, limit, this.ctx.instanceId);
    if (rows.length === 0) return undefined;
    const { batch, rest } = takeBatch(rows, this.sink.maxStatusesPerMessage);
    // Back to pending before anything is sent, so 'sending' rows are always exactly one message.
    if (rest.length > 0) await this.ctx.store.releaseOutbox(rest.map((row) => row.id));
    this.held.push({ rows: batch, attempted: false });
    return { exhausted: rows.length < limit && rest.length === 0 };
  }

  private async settle(outcome: BatchOutcome): Promise<void> {
    switch (outcome.kind) {
      case 'done':
        this.held.shift();
        this.failures = 0;
        return;
      case 'rate_limited':
        this.ctx.logger.info(
          { channel: this.channel, retryAfterMs: outcome.retryAfterMs },
          'chat rate limited',
        );
        this.ctx.observer.rateLimited?.(this.channel.platform);
        this.ctx.lanes.laneFor(this.channel).holdUntil(this.ctx.now() + outcome.retryAfterMs);
        return;
      case 'transient': {
        this.failures += 1;
        const waitMs = backoffMs(this.failures, SEND_BACKOFF_BASE_MS, this.ctx.maxBackoffMs, this.ctx.random);
        this.retryAt = this.ctx.now() + waitMs;
        this.ctx.logger.warn(
          { channel: this.channel, failures: this.failures, backoffMs: waitMs, err: outcome.error },
          'chat send failed; backing off',
        );
        return;
      }
      case 'channel_failed': {
        // Other batches held in doubt are for the same channel: they cannot go out either.
        const ids = this.held.splice(0).flatMap((held) => held.rows.map((row) => row.id));
        this.ctx.observer.sendFailed?.(this.channel.platform, outcome.error.reason);
        await failChannel(this.ctx, this.channel, ids, outcome.error);
        return;
      }
      case 'stopped':
        return;
    }
  }

  /** A batch never tried goes back to pending; a tried one stays 'sending', in doubt for the next run. */
  private async stopped(): Promise<ChannelRunResult> {
    const untried = this.held.filter((batch) => !batch.attempted);
    if (untried.length > 0) {
      await this.ctx.store.releaseOutbox(untried.flatMap((batch) => batch.rows.map((row) => row.id)));
      this.held.splice(0, this.held.length, ...this.held.filter((batch) => batch.attempted));
    }
    // Tried batches stay 'sending': with the lease free, the next holder resolves them.
    await this.lease.release();
    return 'stopped';
  }
}
