import type { Logger } from '../log/logger.js';
import type { ChannelRef, Platform } from '../store/store.js';
import { channelKey } from './channel-key.js';
import { ChannelLane } from './channel-lane.js';
import type { ChatSink } from './chat-sink.js';
import type { PlatformRate } from './relay-options.js';
import type { Sleep } from './sleep.js';

export interface LaneRegistryOptions {
  rates: Record<Platform, PlatformRate>;
  sinkFor: (platform: Platform) => ChatSink | undefined;
  now: () => number;
  sleep: Sleep;
  signal: AbortSignal;
  logger: Logger;
}

/** One lane per channel, made on first use; and the one way the relay sends a notice. */
export class LaneRegistry {
  private readonly lanes = new Map<string, ChannelLane>();

  constructor(private readonly options: LaneRegistryOptions) {}

  laneFor(channel: ChannelRef): ChannelLane {
    const key = channelKey(channel);
    let lane = this.lanes.get(key);
    if (!lane) {
      const { rates, now, sleep, signal } = this.options;
      lane = new ChannelLane(channel, rates[channel.platform], now, sleep, signal);
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /**
   * Tells a channel something once, best effort: a notice is not queued in the store, and a
   * channel that cannot take it (the reason for many notices) is only logged.
   */
  async notify(channel: ChannelRef, text: string): Promise<void> {
    const sink = this.options.sinkFor(channel.platform);
    if (!sink) {
      this.options.logger.warn({ channel }, 'no chat sink for this platform; notice dropped');
      return;
    }
    try {
      await this.laneFor(channel).run(() => sink.notice(channel, text));
    } catch (error) {
      this.options.logger.warn({ channel, err: error }, 'feed notice could not be sent');
    }
  }
}
