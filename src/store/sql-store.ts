import { sql } from 'kysely';
import type { StatusKey } from '../coop/types.js';
import type { Db, SqlFlavor } from './database.js';
import type { SecretBox } from './secret-box.js';
import type {
  AccountLink,
  ChannelRef,
  ChatUserRef,
  LeaseRequest,
  NewDeliveredMessage,
  NewOutboxRow,
  NewSubscription,
  OutboxPruneOptions,
  PollKey,
  PollStatePatch,
  SeenEntry,
  SeenPruneOptions,
  Store,
  SubscriptionPatch,
} from './store.js';
import * as accounts from './tables/accounts.js';
import * as channelLeases from './tables/channel-leases.js';
import * as channels from './tables/channels.js';
import * as delivered from './tables/delivered-messages.js';
import * as inDoubt from './tables/in-doubt-outbox.js';
import * as outbox from './tables/outbox.js';
import * as pollLeases from './tables/poll-leases.js';
import * as pollState from './tables/poll-state.js';
import * as seen from './tables/seen-statuses.js';
import * as subscriptions from './tables/subscriptions.js';
import type { TableContext } from './tables/table-context.js';

export interface SqlStoreOptions {
  db: Db;
  box: SecretBox;
  flavor: SqlFlavor;
  now?: () => number;
}

/**
 * The Store over any kysely connection. The dialect-specific parts (opening, pragmas, pools)
 * live in open-sqlite-db.ts and open-postgres-db.ts; everything here is shared. A store made
 * for a transaction is the same class over the kysely Transaction.
 */
export class SqlStore implements Store {
  private readonly ctx: TableContext;

  constructor(options: SqlStoreOptions) {
    this.ctx = { db: options.db, box: options.box, flavor: options.flavor, now: options.now ?? Date.now };
  }

  linkAccount = (link: AccountLink) => accounts.linkAccount(this.ctx, link);
  getAccount = (id: number) => accounts.getAccount(this.ctx, id);
  getAccountByChatUser = (user: ChatUserRef) => accounts.getAccountByChatUser(this.ctx, user);
  unlinkAccount = (user: ChatUserRef) => accounts.unlinkAccount(this.ctx, user);

  getChannel = (channel: ChannelRef) => channels.getChannel(this.ctx, channel);
  setChannelGroup = (channel: ChannelRef, groupId: number | null) =>
    channels.setChannelGroup(this.ctx, channel, groupId);
  setChannelCobotKey = (channel: ChannelRef, cobotKey: string | null) =>
    channels.setChannelCobotKey(this.ctx, channel, cobotKey);

  createSubscription = (input: NewSubscription) => subscriptions.createSubscription(this.ctx, input);
  getSubscription = (id: number) => subscriptions.getSubscription(this.ctx, id);
  listSubscriptionsByChannel = (channel: ChannelRef, options?: { includeEnded?: boolean }) =>
    subscriptions.listSubscriptionsByChannel(this.ctx, channel, options);
  listSubscriptionsByOwner = (ownerAccountId: number) =>
    subscriptions.listSubscriptionsByOwner(this.ctx, ownerAccountId);
  listActiveSubscriptions = () => subscriptions.listActiveSubscriptions(this.ctx);
  updateSubscription = (id: number, patch: SubscriptionPatch) =>
    subscriptions.updateSubscription(this.ctx, id, patch);
  pauseSubscription = (id: number, reason: string) => subscriptions.pauseSubscription(this.ctx, id, reason);
  resumeSubscription = (id: number) => subscriptions.resumeSubscription(this.ctx, id);
  endSubscription = (id: number, reason: string) => subscriptions.endSubscription(this.ctx, id, reason);
  deleteSubscription = (id: number) => subscriptions.deleteSubscription(this.ctx, id);

  getPollState = (key: PollKey) => pollState.getPollState(this.ctx, key);
  upsertPollState = (key: PollKey, patch: PollStatePatch) => pollState.upsertPollState(this.ctx, key, patch);

  acquirePollLease = (key: PollKey, request: LeaseRequest) =>
    pollLeases.acquirePollLease(this.ctx, key, request);
  commitPollLease = (key: PollKey, owner: string, patch: PollStatePatch) =>
    pollLeases.commitPollLease(this.ctx, key, owner, patch);
  acquireChannelLease = (channel: ChannelRef, request: LeaseRequest) =>
    channelLeases.acquireChannelLease(this.ctx, channel, request);
  releaseChannelLease = (channel: ChannelRef, owner: string) =>
    channelLeases.releaseChannelLease(this.ctx, channel, owner);
  releaseLeases = (owner: string) => channelLeases.releaseLeases(this.ctx, owner);
  listInDoubtChannels = (self: string, now: number) => inDoubt.listInDoubtChannels(this.ctx, self, now);

  loadSeen = (key: PollKey) => seen.loadSeen(this.ctx, key);
  markSeen = (key: PollKey, entries: readonly SeenEntry[]) => seen.markSeen(this.ctx, key, entries);
  pruneSeen = (key: PollKey, options: SeenPruneOptions) => seen.pruneSeen(this.ctx, key, options);

  appendOutbox = (rows: readonly NewOutboxRow[]) => outbox.appendOutbox(this.ctx, rows);
  claimOutbox = (channel: ChannelRef, limit: number, claimedBy?: string) =>
    outbox.claimOutbox(this.ctx, channel, limit, claimedBy);
  markOutboxSent = (ids: readonly number[], platformMessageId: string) =>
    outbox.markOutboxSent(this.ctx, ids, platformMessageId);
  markOutboxFailed = (ids: readonly number[], error: string) => outbox.markOutboxFailed(this.ctx, ids, error);
  releaseOutbox = (ids: readonly number[], error?: string) => outbox.releaseOutbox(this.ctx, ids, error);
  listChannelsWithPendingOutbox = () => outbox.listChannelsWithPendingOutbox(this.ctx);
  listSendingOutbox = (channel?: ChannelRef) => inDoubt.listSendingOutbox(this.ctx, channel);
  countUndeliveredOutbox = () => outbox.countUndeliveredOutbox(this.ctx);
  pruneOutbox = (options: OutboxPruneOptions) => outbox.pruneOutbox(this.ctx, options);

  recordDelivered = (message: NewDeliveredMessage) => delivered.upsertDelivered(this.ctx, message);
  findDelivered = (subscriptionId: number, status: StatusKey) =>
    delivered.findDelivered(this.ctx, subscriptionId, status);

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.ctx.db.isTransaction) return fn(this);
    return this.ctx.db.transaction().execute((trx) => fn(new SqlStore({ ...this.ctx, db: trx })));
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.ctx.db);
  }

  async close(): Promise<void> {
    if (!this.ctx.db.isTransaction) await this.ctx.db.destroy();
  }
}
