import type { Generated, Kysely } from 'kysely';
import type { StatusType } from '../coop/types.js';
import type { OutboxKind, OutboxState, Platform, SubscriptionState } from './store.js';

/**
 * The tables as kysely sees them. Column conventions, shared by SQLite and PostgreSQL:
 * - snake_case names; rows are mapped to the camelCase domain types in `tables/*`;
 * - timestamps are epoch milliseconds in `bigint` columns (INTEGER affinity in SQLite; the
 *   PostgreSQL pool parses int8 to number, safe until the year 287396);
 * - enumerations are text with a CHECK constraint; no booleans are needed so far;
 * - secrets are `*_enc` text columns holding SecretBox strings.
 */

/** Which SQL dialect a store speaks; only DDL (id columns) and row locking differ. */
export type SqlFlavor = 'sqlite' | 'postgres';

export interface MetaTable {
  key: string;
  value: string;
}

export interface AccountsTable {
  id: Generated<number>;
  platform: Platform;
  workspace_id: string;
  chat_user_id: string;
  coop_email: string;
  password_enc: string;
  coop_user_id: number | null;
  display_name: string | null;
  created_at: number;
  updated_at: number;
}

export interface ChannelsTable {
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  group_id: number | null;
  cobot_key_enc: string | null;
  created_at: number;
  updated_at: number;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  group_id: number;
  filter: string;
  owner_account_id: number | null;
  state: SubscriptionState;
  state_reason: string | null;
  consecutive_failures: Generated<number>;
  created_at: number;
  updated_at: number;
  last_delivery_at: number | null;
}

export interface PollStateTable {
  group_id: number;
  owner_account_id: number;
  etag: string | null;
  last_poll_at: number | null;
  next_poll_at: number | null;
  failure_count: Generated<number>;
  backoff_until: number | null;
  /** The relay instance polling this key now; see migrations/0002-leases.ts. */
  lease_owner: Generated<string | null>;
  lease_until: Generated<number | null>;
}

export interface SeenStatusesTable {
  id: Generated<number>;
  group_id: number;
  owner_account_id: number;
  status_type: StatusType;
  status_id: number;
  digest: string;
  status_created_at: number;
  first_seen_at: number;
}

export interface OutboxTable {
  id: Generated<number>;
  subscription_id: number;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  kind: OutboxKind;
  status_type: StatusType;
  status_id: number;
  payload: string;
  state: OutboxState;
  attempts: Generated<number>;
  nonce: string;
  last_error: string | null;
  platform_message_id: string | null;
  created_at: number;
  updated_at: number;
  /** The relay instance that last claimed the row. */
  claimed_by: Generated<string | null>;
}

/** The one relay instance sending to a channel until `lease_until`. */
export interface ChannelLeasesTable {
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  lease_owner: string;
  lease_until: number;
}

export interface DeliveredMessagesTable {
  subscription_id: number;
  status_type: StatusType;
  status_id: number;
  platform_message_id: string;
  delivered_at: number;
}

export interface Database {
  meta: MetaTable;
  accounts: AccountsTable;
  channels: ChannelsTable;
  subscriptions: SubscriptionsTable;
  poll_state: PollStateTable;
  seen_statuses: SeenStatusesTable;
  outbox: OutboxTable;
  delivered_messages: DeliveredMessagesTable;
  channel_leases: ChannelLeasesTable;
}

export type Db = Kysely<Database>;
