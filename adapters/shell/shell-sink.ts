import type { ChatSink, FeedPost } from '../../src/relay/chat-sink.js';
import type { ChannelRef } from '../../src/store/store.js';
import { renderStatus } from './render-reply.js';

/**
 * Feed messages in the terminal: printed with their channel, since the terminal shows every
 * channel at once. Message ids are local counters; edits and removals print a line that says so.
 */
export class ShellSink implements ChatSink {
  readonly platform = 'shell' as const;
  readonly maxStatusesPerMessage = 20;
  private nextId = 1;
  private print: (text: string) => void;

  constructor(print: (text: string) => void) {
    this.print = print;
  }

  /** The shell swaps in a printer that keeps its prompt intact. */
  attach(print: (text: string) => void): void {
    this.print = print;
  }

  async send(channel: ChannelRef, post: FeedPost): Promise<string> {
    const id = `m${this.nextId++}`;
    this.print(`[#${channel.channelId}] ${post.groupName}:\n${post.statuses.map(renderStatus).join('\n')}`);
    return id;
  }

  async edit(channel: ChannelRef, messageId: string, post: FeedPost): Promise<void> {
    this.print(
      `[#${channel.channelId}] (${messageId} edited) ${post.groupName}:\n${post.statuses.map(renderStatus).join('\n')}`,
    );
  }

  async remove(channel: ChannelRef, messageId: string): Promise<void> {
    this.print(`[#${channel.channelId}] (${messageId} removed: deleted in Co-op)`);
  }

  async notice(channel: ChannelRef, text: string): Promise<void> {
    this.print(`[#${channel.channelId}] ${text}`);
  }
}
