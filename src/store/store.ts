import type { StatusKey, StatusType } from '../coop/types.js';

/**
 * Persistence for the bot: linked accounts, channel settings, feeds and their delivery state.
 * One interface, two back ends (SQLite by default, PostgreSQL when configured) sharing the same
 * queries and migrations. Timestamps are epoch milliseconds everywhere.
 */

export type Platform = 'slack' | 'discord' | 'shell';

/** A person on one chat platform. `workspaceId` is the Slack team, the Discord guild, or 'local'. */
export interface ChatUserRef {
  platform: Platform;
  workspaceId: string;
  chatUserId: string;
}

/** A chat channel; feeds are delivered per channel. */
export interface ChannelRef {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

/** What linking a Co-op login stores. The password is encrypted at rest, returned in clear. */
export interface AccountLink extends ChatUserRef {
  coopEmail: string;
  password: string;
  /** Null when the core could not learn it at login time. */
  coopUserId: number | null;
  displayName: string | null;
}

export interface Account extends AccountLink {
  id: number;
  createdAt: number;
  updatedAt: number;
}

export interface ChannelSettings extends ChannelRef {
  /** The Co-op group chosen with `use`, or null. */
  groupId: number | null;
  /** The group's Cobot secret, decrypted; null when unset. */
  cobotKey: string | null;
  createdAt: number;
  updatedAt: number;
}

export type SubscriptionState = 'active' | 'paused' | 'ended';

export interface NewSubscription {
  channel: ChannelRef;
  groupId: number;
  /** Canonical filter text, e.g. `all` or `notes,cobot,user:a@b.c`; the relay owns its grammar. */
  filter: string;
  /** Whose Co-op login polls the group for this feed. */
  ownerAccountId: number;
}

export interface Subscription {
  id: number;
  channel: ChannelRef;
  groupId: number;
  filter: string;
  /** Null after the owner unlinked; such a feed is paused with reason `owner_unlinked`. */
  ownerAccountId: number | null;
  state: SubscriptionState;
  /** Why the feed is paused or ended; null while active. */
  stateReason: string | null;
  consecutiveFailures: number;
  createdAt: number;
  updatedAt: number;
  lastDeliveryAt: number | null;
}

export interface SubscriptionPatch {
  state?: SubscriptionState;
  stateReason?: string | null;
  consecutiveFailures?: number;
  lastDeliveryAt?: number | null;
  ownerAccountId?: number | null;
}

/** Feeds are polled per (group, owner): what a Co-op login can see depends on who it is. */
export interface PollKey {
  groupId: number;
  ownerAccountId: number;
}

export interface PollState extends PollKey {
  etag: string | null;
  lastPollAt: number | null;
  nextPollAt: number | null;
  failureCount: number;
  backoffUntil: number | null;
}

export type PollStatePatch = Partial<Omit<PollState, keyof PollKey>>;

/**
 * A request for a time-limited lease, made by one relay instance. Times are the relay's clock
 * (epoch ms); processes sharing a database need clocks in step to well within the lease's length.
 */
export interface LeaseRequest {
  /** The relay instance id. */
  owner: string;
  now: number;
  /** The lease ends then unless extended; a crashed owner's work is taken over after it. */
  until: number;
}

/** Acquired: the key is due and now yours, with its stored state. Not: look again at `retryAt`. */
export type PollLeaseResult = { acquired: true; state: PollState } | { acquired: false; retryAt: number };

/** A status the poll key has seen, with a digest of its visible fields to detect edits. */
export interface SeenEntry extends StatusKey {
  digest: string;
  /** When Co-op says the status was created (epoch ms); pruning keeps the newest. */
  createdAt: number;
}

export interface SeenStatus extends SeenEntry {
  firstSeenAt: number;
}

export interface SeenPruneOptions {
  /** Delete statuses created before this instant (epoch ms)… */
  createdBefore: number;
  /** …but always keep at least this many of the newest, so overflow detection still works. */
  keepNewest: number;
  /** At most this many rows per call (default 1000), so a prune never holds a long write lock. */
  limit?: number;
}

export type OutboxKind = 'post' | 'edit' | 'delete';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface NewOutboxRow {
  subscriptionId: number;
  channel: ChannelRef;
  kind: OutboxKind;
  statusType: StatusType;
  statusId: number;
  /** The status to render, as JSON-serializable data. */
  payload: unknown;
  /** Defaults to a random 16-character string (Discord accepts up to 25). */
  nonce?: string;
}

export interface OutboxRow {
  /** Monotonic: delivery order within a channel is ascending id. */
  id: number;
  subscriptionId: number;
  channel: ChannelRef;
  kind: OutboxKind;
  statusType: StatusType;
  statusId: number;
  payload: unknown;
  state: OutboxState;
  /** How many times the row was claimed. */
  attempts: number;
  nonce: string;
  lastError: string | null;
  platformMessageId: string | null;
  createdAt: number;
  updatedAt: number;
  /** The relay instance that last claimed the row (null when claimed without one). */
  claimedBy: string | null;
}

export interface OutboxPruneOptions {
  /** Delete 'sent' and 'failed' rows last touched before this instant (epoch ms). */
  updatedBefore: number;
  limit?: number;
}

export interface DeliveredMessage extends StatusKey {
  subscriptionId: number;
  platformMessageId: string;
  deliveredAt: number;
}

export type NewDeliveredMessage = Omit<DeliveredMessage, 'deliveredAt'>;

export interface Store {
  // Accounts
  /** Links or relinks (same row, same id) a chat user to a Co-op login. */
  linkAccount(link: AccountLink): Promise<Account>;
  getAccount(id: number): Promise<Account | undefined>;
  getAccountByChatUser(user: ChatUserRef): Promise<Account | undefined>;
  /**
   * Removes the link; returns whether there was one. Feeds the account polled for are paused with
   * reason `owner_unlinked` (their owner set to null), and its poll state and seen set are dropped.
   */
  unlinkAccount(user: ChatUserRef): Promise<boolean>;

  // Channels
  getChannel(channel: ChannelRef): Promise<ChannelSettings | undefined>;
  setChannelGroup(channel: ChannelRef, groupId: number | null): Promise<ChannelSettings>;
  setChannelCobotKey(channel: ChannelRef, cobotKey: string | null): Promise<ChannelSettings>;

  // Subscriptions
  createSubscription(input: NewSubscription): Promise<Subscription>;
  getSubscription(id: number): Promise<Subscription | undefined>;
  /** Oldest first; ended feeds only when asked. */
  listSubscriptionsByChannel(
    channel: ChannelRef,
    options?: { includeEnded?: boolean },
  ): Promise<Subscription[]>;
  listSubscriptionsByOwner(ownerAccountId: number): Promise<Subscription[]>;
  listActiveSubscriptions(): Promise<Subscription[]>;
  updateSubscription(id: number, patch: SubscriptionPatch): Promise<Subscription | undefined>;
  /** Active → paused with a reason. An ended feed stays ended. */
  pauseSubscription(id: number, reason: string): Promise<Subscription | undefined>;
  /** Paused → active, failures reset. An ended feed stays ended. */
  resumeSubscription(id: number): Promise<Subscription | undefined>;
  /** Terminal: the feed never polls again (channel gone, bot removed, unsubscribed). */
  endSubscription(id: number, reason: string): Promise<Subscription | undefined>;
  /** Removes the feed with its outbox rows and delivered-message records; returns whether it existed. */
  deleteSubscription(id: number): Promise<boolean>;

  // Poll state
  getPollState(key: PollKey): Promise<PollState | undefined>;
  /** Creates the row if needed and sets only the fields present in `patch`. */
  upsertPollState(key: PollKey, patch: PollStatePatch): Promise<PollState>;

  // Leases: several relay processes on one database share the work (see poll-leases.ts)
  /**
   * Takes a key's poll lease if the key is due (`nextPollAt` and `backoffUntil` not after `now`)
   * and its lease is free, expired or already `owner`'s. Of racing callers exactly one wins.
   */
  acquirePollLease(key: PollKey, request: LeaseRequest): Promise<PollLeaseResult>;
  /** Applies `patch` and frees the lease, only if `owner` still holds it; returns whether it did. */
  commitPollLease(key: PollKey, owner: string, patch: PollStatePatch): Promise<boolean>;
  /** Takes or extends a channel's send lease (free, expired or already `owner`'s); returns whether held. */
  acquireChannelLease(channel: ChannelRef, request: LeaseRequest): Promise<boolean>;
  releaseChannelLease(channel: ChannelRef, owner: string): Promise<void>;
  /** Frees every poll and channel lease `owner` holds (graceful stop). */
  releaseLeases(owner: string): Promise<void>;
  /** Channels with 'sending' rows and no live channel lease of another owner than `self`. */
  listInDoubtChannels(self: string, now: number): Promise<ChannelRef[]>;

  // Seen statuses
  loadSeen(key: PollKey): Promise<SeenStatus[]>;
  /** Inserts new entries and updates the digest of known ones; `firstSeenAt` never changes. */
  markSeen(key: PollKey, entries: readonly SeenEntry[]): Promise<void>;
  /** Returns how many rows were deleted. */
  pruneSeen(key: PollKey, options: SeenPruneOptions): Promise<number>;

  // Outbox
  /** Appends rows in the given order (ascending ids) and returns them. */
  appendOutbox(rows: readonly NewOutboxRow[]): Promise<OutboxRow[]>;
  /**
   * Takes up to `limit` of the channel's oldest pending rows, marks them 'sending' and counts an
   * attempt. Two claims never return the same row. Run one sender per channel, and resolve rows
   * left 'sending' by a crash (`listSendingOutbox`) before claiming newer ones, to keep order.
   */
  claimOutbox(channel: ChannelRef, limit: number, claimedBy?: string): Promise<OutboxRow[]>;
  /**
   * Marks rows sent as one platform message (several rows may be packed into one). In the same
   * transaction: a 'post' row records its delivered message, a 'delete' row forgets it, and the
   * subscriptions' `lastDeliveryAt` is set.
   */
  markOutboxSent(ids: readonly number[], platformMessageId: string): Promise<void>;
  /** Gives up on rows for good (a permanent error), keeping the reason. */
  markOutboxFailed(ids: readonly number[], error: string): Promise<void>;
  /** Puts claimed rows back to 'pending' after a transient error (rate limit, outage). */
  releaseOutbox(ids: readonly number[], error?: string): Promise<void>;
  listChannelsWithPendingOutbox(): Promise<ChannelRef[]>;
  /** Rows left 'sending' (in doubt after a crash), all or one channel's; oldest first. */
  listSendingOutbox(channel?: ChannelRef): Promise<OutboxRow[]>;
  /** How many rows are not delivered yet (pending or sending). */
  countUndeliveredOutbox(): Promise<number>;
  /** Deletes finished rows; returns how many. */
  pruneOutbox(options: OutboxPruneOptions): Promise<number>;

  // Delivered messages
  recordDelivered(message: NewDeliveredMessage): Promise<void>;
  findDelivered(subscriptionId: number, status: StatusKey): Promise<DeliveredMessage | undefined>;

  /**
   * Runs `fn` in one database transaction: it commits when `fn` resolves, rolls back when it throws.
   * Call store methods on `tx` only; the outer store would wait for the transaction to end.
   * Nested calls on `tx` join the same transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** One trivial query: resolves when the database answers (health checks). */
  ping(): Promise<void>;
  /** Closes the connection; a no-op inside a transaction. */
  close(): Promise<void>;
}
