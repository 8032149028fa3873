import type { StatusMessage } from '../core/status-message.js';
import type { ChannelRef, Platform } from '../store/store.js';

/**
 * One feed message: one status, or several packed together when a burst waits for one channel
 * (oldest first). `groupName` titles the message. Text inside is untrusted Co-op text: the sink
 * escapes it for its platform and sends it so that nobody is pinged.
 */
export interface FeedPost {
  groupId: number;
  groupName: string;
  statuses: StatusMessage[];
}

export interface SendOptions {
  /**
   * Stable per outbox row(s): the same post retried after a crash carries the same nonce.
   * Discord sends it with `enforce_nonce: true`; Slack can carry it in message metadata.
   */
  nonce: string;
}

/** The relay's port to a chat platform; each adapter implements it. */
export interface ChatSink {
  readonly platform: Platform;
  /** How many statuses one message may carry within the platform's limits (blocks, embeds). */
  readonly maxStatusesPerMessage: number;
  /** Posts the message; resolves to the platform's message id (Slack `ts`, Discord snowflake). */
  send(channel: ChannelRef, post: FeedPost, options: SendOptions): Promise<string>;
  /** Replaces a delivered message's content (an edited DayEntry). */
  edit(channel: ChannelRef, messageId: string, post: FeedPost): Promise<void>;
  /** Removes a delivered message (a Note deleted in Co-op). */
  remove(channel: ChannelRef, messageId: string): Promise<void>;
  /** A plain notice from the bot itself, e.g. "this feed is paused: its owner must log in again". */
  notice(channel: ChannelRef, text: string): Promise<void>;
  /**
   * After a crash between send and record: the id of a message already carrying this nonce, if
   * the platform can tell (Slack: recent history with metadata). Undefined: unknown, resend.
   */
  findSent?(channel: ChannelRef, nonce: string): Promise<string | undefined>;
}

/**
 * How a sink failed, so the relay knows what to do: `rate_limited` waits `retryAfterMs` and retries,
 * `transient` retries with backoff, `permanent` ends (channel gone, bot removed) or pauses
 * (missing permission) the subscriptions of that channel with `reason`.
 */
export type ChatSinkErrorKind = 'rate_limited' | 'transient' | 'permanent';

export class ChatSinkError extends Error {
  override readonly name = 'ChatSinkError';
  constructor(
    readonly kind: ChatSinkErrorKind,
    /** Stable platform reason, e.g. `channel_not_found`, `Missing Access`. */
    readonly reason: string,
    message: string,
    readonly options: { retryAfterMs?: number; endsSubscription?: boolean } = {},
  ) {
    super(message);
  }
}
