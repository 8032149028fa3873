import { type ChatSink, ChatSinkError, type FeedPost, type SendOptions } from '../../src/relay/chat-sink.js';
import type { ChannelRef, Platform } from '../../src/store/store.js';

export interface RecordedSend {
  channel: ChannelRef;
  post: FeedPost;
  nonce: string;
  messageId: string;
}

export interface RecordedEdit {
  channel: ChannelRef;
  messageId: string;
  post: FeedPost;
}

export interface RecordedRemoval {
  channel: ChannelRef;
  messageId: string;
}

export interface RecordedNotice {
  channel: ChannelRef;
  text: string;
}

export type SinkOperation = 'send' | 'edit' | 'remove' | 'notice';

export interface RecordingSinkOptions {
  platform?: Platform;
  maxStatusesPerMessage?: number;
  /** Like Discord's `enforce_nonce`: a send with a nonce already used returns that message. */
  enforceNonce?: boolean;
  /** Like Slack's history search: implement `findSent` from the messages sent so far. */
  canFindSent?: boolean;
}

/**
 * A ChatSink that keeps everything in memory, as a platform would: messages by id, and the calls
 * in order. Failures can be queued per operation (`failNext`) or made permanent (`failAlways`).
 */
export class RecordingSink implements ChatSink {
  readonly platform: Platform;
  readonly maxStatusesPerMessage: number;
  readonly sends: RecordedSend[] = [];
  readonly edits: RecordedEdit[] = [];
  readonly removals: RecordedRemoval[] = [];
  readonly notices: RecordedNotice[] = [];
  /** What the channel shows now: message id → post (edits applied, removals gone). */
  readonly messages = new Map<string, { channel: ChannelRef; post: FeedPost; nonce: string }>();
  /** Calls that were refused, by operation. */
  readonly refused: Record<SinkOperation, number> = { send: 0, edit: 0, remove: 0, notice: 0 };
  readonly findSent?: (channel: ChannelRef, nonce: string) => Promise<string | undefined>;
  private readonly queued: Record<SinkOperation, ChatSinkError[]> = {
    send: [],
    edit: [],
    remove: [],
    notice: [],
  };
  private readonly always = new Map<SinkOperation, ChatSinkError>();
  private readonly enforceNonce: boolean;
  private nextId = 1;

  constructor(options: RecordingSinkOptions = {}) {
    this.platform = options.platform ?? 'shell';
    this.maxStatusesPerMessage = options.maxStatusesPerMessage ?? 1;
    this.enforceNonce = options.enforceNonce ?? false;
    if (options.canFindSent) {
      this.findSent = async (channel, nonce) => this.messageWithNonce(channel, nonce);
    }
  }

  /** The next `op` calls fail with these errors, one each, in order. */
  failNext(op: SinkOperation, ...errors: ChatSinkError[]): this {
    this.queued[op].push(...errors);
    return this;
  }

  failAlways(op: SinkOperation, error: ChatSinkError | undefined): this {
    if (error) this.always.set(op, error);
    else this.always.delete(op);
    return this;
  }

  /** Puts a message on the "platform" as if an earlier process had sent it. */
  preload(channel: ChannelRef, post: FeedPost, nonce: string): string {
    const messageId = `m${this.nextId++}`;
    this.messages.set(messageId, { channel, post, nonce });
    return messageId;
  }

  async send(channel: ChannelRef, post: FeedPost, options: SendOptions): Promise<string> {
    this.refuse('send');
    const existing = this.enforceNonce ? this.messageWithNonce(channel, options.nonce) : undefined;
    if (existing !== undefined) return existing;
    const messageId = `m${this.nextId++}`;
    this.messages.set(messageId, { channel, post, nonce: options.nonce });
    this.sends.push({ channel, post, nonce: options.nonce, messageId });
    return messageId;
  }

  async edit(channel: ChannelRef, messageId: string, post: FeedPost): Promise<void> {
    this.refuse('edit');
    const message = this.messages.get(messageId);
    if (!message) throw new ChatSinkError('permanent', 'message_not_found', `No message ${messageId}`);
    this.messages.set(messageId, { ...message, post });
    this.edits.push({ channel, messageId, post });
  }

  async remove(channel: ChannelRef, messageId: string): Promise<void> {
    this.refuse('remove');
    if (!this.messages.delete(messageId)) {
      throw new ChatSinkError('permanent', 'message_not_found', `No message ${messageId}`);
    }
    this.removals.push({ channel, messageId });
  }

  async notice(channel: ChannelRef, text: string): Promise<void> {
    this.refuse('notice');
    this.notices.push({ channel, text });
  }

  /** Status keys sent to a channel, in the order they arrived, packs flattened. */
  keysIn(channel: ChannelRef): string[] {
    return this.sends
      .filter((send) => sameChannel(send.channel, channel))
      .flatMap((send) => send.post.statuses.map((status) => status.key));
  }

  /** Status keys the channel shows now, in message order. */
  visibleKeysIn(channel: ChannelRef): string[] {
    return [...this.messages.values()]
      .filter((message) => sameChannel(message.channel, channel))
      .flatMap((message) => message.post.statuses.map((status) => status.key));
  }

  noticesIn(channel: ChannelRef): string[] {
    return this.notices.filter((n) => sameChannel(n.channel, channel)).map((n) => n.text);
  }

  private refuse(op: SinkOperation): void {
    const error = this.queued[op].shift() ?? this.always.get(op);
    if (error) {
      this.refused[op] += 1;
      throw error;
    }
  }

  private messageWithNonce(channel: ChannelRef, nonce: string): string | undefined {
    for (const [id, message] of this.messages) {
      if (message.nonce === nonce && sameChannel(message.channel, channel)) return id;
    }
    return undefined;
  }
}

export function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return a.platform === b.platform && a.workspaceId === b.workspaceId && a.channelId === b.channelId;
}

export const sinkErrors = {
  rateLimited: (retryAfterMs: number) =>
    new ChatSinkError('rate_limited', 'ratelimited', 'Slow down', { retryAfterMs }),
  transient: () => new ChatSinkError('transient', 'service_unavailable', 'Try again later'),
  channelGone: () =>
    new ChatSinkError('permanent', 'channel_not_found', 'No such channel', { endsSubscription: true }),
  missingAccess: () => new ChatSinkError('permanent', 'missing_access', 'Missing Access'),
};
