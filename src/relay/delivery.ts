import pLimit, { type LimitFunction } from 'p-limit';
import type { ChannelRef } from '../store/store.js';
import { channelKey } from './channel-key.js';
import { type ChannelRunResult, ChannelSender, type RunMode } from './channel-sender.js';
import type { RelayContext } from './relay-context.js';

/**
 * The senders of all channels: one per channel, at most `maxChannelsInFlight` sending at once.
 * `drain` delivers what is pending and returns; once `goLive` is called, channels are also
 * served in the background as polls write rows (`kick`).
 */
export class Delivery {
  private readonly senders = new Map<string, ChannelSender>();
  private readonly running = new Map<string, Promise<ChannelRunResult>>();
  private readonly again = new Set<string>();
  private readonly limit: LimitFunction;
  private inDoubt: Promise<ChannelRef[]> | undefined;
  private live = false;

  constructor(private readonly ctx: RelayContext) {
    this.limit = pLimit(ctx.maxChannelsInFlight);
  }

  /**
   * Once per process: the channels with rows a crash left 'sending' and no live sender elsewhere.
   * Their senders adopt the rows when they take the channel's lease (channel-sender.ts).
   */
  prepare(): Promise<ChannelRef[]> {
    this.inDoubt ??= this.inDoubtChannels();
    return this.inDoubt;
  }

  /** Background mode: kicked channels are served until stop. */
  async goLive(): Promise<void> {
    await this.prepare();
    this.live = true;
    await this.sweep();
  }

  /** Serves the channels (background mode only; `drain` serves everything otherwise). */
  kick(channels: readonly ChannelRef[]): void {
    if (!this.live) return;
    for (const channel of channels) this.serve(channel, 'wait');
  }

  /**
   * Kicks every channel with pending rows: picks up anything a kick missed, channels another
   * process was serving, and rows in doubt whose process died (its channel lease expired).
   */
  async sweep(): Promise<void> {
    if (!this.live || this.ctx.signal.aborted) return;
    this.kick(await this.ctx.store.listChannelsWithPendingOutbox());
    this.kick(await this.inDoubtChannels());
  }

  /**
   * Delivers everything pending and resolves, leaving alone channels that are backing off after a
   * transient failure (a later drain, after their backoff, takes them) and platforms with no sink.
   */
  async drain(): Promise<void> {
    let inDoubt = await this.prepare();
    const skip = new Set<string>();
    for (;;) {
      const pending = await this.ctx.store.listChannelsWithPendingOutbox();
      const held = [...this.senders.values()].filter((s) => s.holdsRows).map((s) => s.channel);
      const todo = new Map<string, ChannelRef>();
      for (const channel of [...inDoubt, ...pending, ...held]) {
        if (!skip.has(channelKey(channel))) todo.set(channelKey(channel), channel);
      }
      inDoubt = [];
      if (todo.size === 0) return;
      await Promise.all(
        [...todo].map(async ([key, channel]) => {
          if ((await this.serve(channel, 'defer')) !== 'idle') skip.add(key);
        }),
      );
    }
  }

  /** Resolves when no sender runs. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private serve(channel: ChannelRef, mode: RunMode): Promise<ChannelRunResult> {
    const key = channelKey(channel);
    const sender = this.senderFor(channel);
    if (!sender) return Promise.resolve('deferred');
    const current = this.running.get(key);
    if (current) {
      // One sender per channel: a kick makes the running one go round again when it is done;
      // a drain waits for it, then runs its own round.
      if (mode === 'wait') {
        this.again.add(key);
        return current;
      }
      return current.then(() => this.serve(channel, mode));
    }
    const run = sender
      .run(mode, this.limit)
      .catch((error: unknown): ChannelRunResult => {
        this.ctx.logger.error({ channel, err: error }, 'channel sender crashed');
        return 'deferred';
      })
      .finally(() => {
        this.running.delete(key);
        if (this.again.delete(key) && this.live && !this.ctx.signal.aborted) this.serve(channel, 'wait');
      });
    this.running.set(key, run);
    return run;
  }

  private senderFor(channel: ChannelRef): ChannelSender | undefined {
    const key = channelKey(channel);
    let sender = this.senders.get(key);
    if (!sender) {
      const sink = this.ctx.sinkFor(channel.platform);
      if (!sink) return undefined;
      sender = new ChannelSender(this.ctx, channel, sink);
      this.senders.set(key, sender);
    }
    return sender;
  }

  private inDoubtChannels(): Promise<ChannelRef[]> {
    return this.ctx.store.listInDoubtChannels(this.ctx.instanceId, this.ctx.now());
  }
}
