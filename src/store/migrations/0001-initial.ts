import type { Kysely, Migration } from 'kysely';
import type { SqlFlavor } from '../database.js';
import { oneOf, PLATFORMS, STATUS_TYPES, withId } from './schema-helpers.js';

/**
 * The first schema. Conventions (see database.ts): epoch-ms `bigint` timestamps, text enums with
 * CHECK constraints, `*_enc` columns for SecretBox strings, Co-op ids as `bigint`.
 *
 * Deletion is declared in foreign keys so both dialects behave alike (SQLite enforces them because
 * the store turns `foreign_keys` on): removing a subscription takes its outbox rows and delivered
 * messages with it; removing an account takes its poll state and seen set and leaves its feeds
 * without an owner (the store pauses them first).
 *
 * Every statement is IF NOT EXISTS: kysely does not wrap SQLite migrations in a transaction, so a
 * run cut short must be safe to repeat.
 */
export function initialMigration(flavor: SqlFlavor): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await createMetaAndAccounts(db, flavor);
      await createChannelsAndSubscriptions(db, flavor);
      await createPollTables(db, flavor);
      await createDeliveryTables(db, flavor);
    },
    down: async (db: Kysely<unknown>) => {
      for (const table of [
        'delivered_messages',
        'outbox',
        'seen_statuses',
        'poll_state',
        'subscriptions',
        'channels',
        'accounts',
        'meta',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}

async function createMetaAndAccounts(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  // Small key/value facts about the install, e.g. the encrypted check value that detects a wrong key.
  await db.schema
    .createTable('meta')
    .ifNotExists()
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();

  // One Co-op login per chat user. Relinking updates the row in place, so the id (which feeds
  // reference as their owner) survives a password change.
  await withId(db.schema.createTable('accounts').ifNotExists(), flavor)
    .addColumn('platform', 'text', (col) => col.notNull().check(oneOf('platform', PLATFORMS)))
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('chat_user_id', 'text', (col) => col.notNull())
    .addColumn('coop_email', 'text', (col) => col.notNull())
    .addColumn('password_enc', 'text', (col) => col.notNull())
    .addColumn('coop_user_id', 'bigint')
    .addColumn('display_name', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addUniqueConstraint('accounts_chat_user_unique', ['platform', 'workspace_id', 'chat_user_id'])
    .execute();
}

async function createChannelsAndSubscriptions(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  // Per-channel settings, keyed by the chat's own ids: a channel row exists once `use` ran.
  await db.schema
    .createTable('channels')
    .ifNotExists()
    .addColumn('platform', 'text', (col) => col.notNull().check(oneOf('platform', PLATFORMS)))
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('channel_id', 'text', (col) => col.notNull())
    .addColumn('group_id', 'bigint')
    .addColumn('cobot_key_enc', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('channels_pk', ['platform', 'workspace_id', 'channel_id'])
    .execute();

  // A feed: channel ← group, through a filter, polled with the owner's login. The channel is
  // copied here rather than referencing `channels`: a feed does not need `use` to have run.
  await withId(db.schema.createTable('subscriptions').ifNotExists(), flavor)
    .addColumn('platform', 'text', (col) => col.notNull().check(oneOf('platform', PLATFORMS)))
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('channel_id', 'text', (col) => col.notNull())
    .addColumn('group_id', 'bigint', (col) => col.notNull())
    .addColumn('filter', 'text', (col) => col.notNull())
    .addColumn('owner_account_id', 'bigint', (col) => col.references('accounts.id').onDelete('set null'))
    .addColumn('state', 'text', (col) => col.notNull().check(oneOf('state', ['active', 'paused', 'ended'])))
    .addColumn('state_reason', 'text')
    .addColumn('consecutive_failures', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('last_delivery_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('subscriptions_channel')
    .ifNotExists()
    .on('subscriptions')
    .columns(['platform', 'workspace_id', 'channel_id'])
    .execute();
  await db.schema
    .createIndex('subscriptions_state')
    .ifNotExists()
    .on('subscriptions')
    .columns(['state'])
    .execute();
  await db.schema
    .createIndex('subscriptions_owner')
    .ifNotExists()
    .on('subscriptions')
    .columns(['owner_account_id'])
    .execute();
}

async function createPollTables(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  // One poll per (group, owner login): visibility in Co-op depends on who asks.
  await db.schema
    .createTable('poll_state')
    .ifNotExists()
    .addColumn('group_id', 'bigint', (col) => col.notNull())
    .addColumn('owner_account_id', 'bigint', (col) =>
      col.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('etag', 'text')
    .addColumn('last_poll_at', 'bigint')
    .addColumn('next_poll_at', 'bigint')
    .addColumn('failure_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('backoff_until', 'bigint')
    .addPrimaryKeyConstraint('poll_state_pk', ['group_id', 'owner_account_id'])
    .execute();

  // What a poll key has seen, by status identity (type, id): Note and DayEntry ids collide.
  // The surrogate id lets a bounded prune delete by `id IN (subquery … LIMIT n)` in both dialects.
  await withId(db.schema.createTable('seen_statuses').ifNotExists(), flavor)
    .addColumn('group_id', 'bigint', (col) => col.notNull())
    .addColumn('owner_account_id', 'bigint', (col) =>
      col.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('status_type', 'text', (col) => col.notNull().check(oneOf('status_type', STATUS_TYPES)))
    .addColumn('status_id', 'bigint', (col) => col.notNull())
    .addColumn('digest', 'text', (col) => col.notNull())
    .addColumn('status_created_at', 'bigint', (col) => col.notNull())
    .addColumn('first_seen_at', 'bigint', (col) => col.notNull())
    .addUniqueConstraint('seen_statuses_identity', [
      'group_id',
      'owner_account_id',
      'status_type',
      'status_id',
    ])
    .execute();
  await db.schema
    .createIndex('seen_statuses_age')
    .ifNotExists()
    .on('seen_statuses')
    .columns(['group_id', 'owner_account_id', 'status_created_at'])
    .execute();
}

async function createDeliveryTables(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  // What to send, in id order per channel. The channel is copied so the sender needs no join.
  await withId(db.schema.createTable('outbox').ifNotExists(), flavor)
    .addColumn('subscription_id', 'bigint', (col) =>
      col.notNull().references('subscriptions.id').onDelete('cascade'),
    )
    .addColumn('platform', 'text', (col) => col.notNull().check(oneOf('platform', PLATFORMS)))
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('channel_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(oneOf('kind', ['post', 'edit', 'delete'])))
    .addColumn('status_type', 'text', (col) => col.notNull().check(oneOf('status_type', STATUS_TYPES)))
    .addColumn('status_id', 'bigint', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) =>
      col.notNull().check(oneOf('state', ['pending', 'sending', 'sent', 'failed'])),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('nonce', 'text', (col) => col.notNull())
    .addColumn('last_error', 'text')
    .addColumn('platform_message_id', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  // Serves "oldest pending rows of a channel" and "channels with pending rows".
  await db.schema
    .createIndex('outbox_channel_state')
    .ifNotExists()
    .on('outbox')
    .columns(['platform', 'workspace_id', 'channel_id', 'state', 'id'])
    .execute();
  await db.schema
    .createIndex('outbox_state')
    .ifNotExists()
    .on('outbox')
    .columns(['state', 'updated_at'])
    .execute();

  // Where each status went, for edits and deletions.
  await db.schema
    .createTable('delivered_messages')
    .ifNotExists()
    .addColumn('subscription_id', 'bigint', (col) =>
      col.notNull().references('subscriptions.id').onDelete('cascade'),
    )
    .addColumn('status_type', 'text', (col) => col.notNull().check(oneOf('status_type', STATUS_TYPES)))
    .addColumn('status_id', 'bigint', (col) => col.notNull())
    .addColumn('platform_message_id', 'text', (col) => col.notNull())
    .addColumn('delivered_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('delivered_messages_pk', ['subscription_id', 'status_type', 'status_id'])
    .execute();
}
