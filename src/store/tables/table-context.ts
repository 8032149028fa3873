import type { Db, SqlFlavor } from '../database.js';
import type { SecretBox } from '../secret-box.js';
import type { ChannelRef } from '../store.js';

/** What every table module needs: a connection (or the open transaction), the key, a clock. */
export interface TableContext {
  readonly db: Db;
  readonly box: SecretBox;
  readonly flavor: SqlFlavor;
  readonly now: () => number;
}

/** Runs `fn` in a transaction, joining the current one when `db` already is one. */
export function atomically<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Rows carry the channel as three columns. */
export interface ChannelColumns {
  platform: ChannelRef['platform'];
  workspace_id: string;
  channel_id: string;
}

export function channelColumns(channel: ChannelRef): ChannelColumns {
  return { platform: channel.platform, workspace_id: channel.workspaceId, channel_id: channel.channelId };
}

export function channelOf(row: ChannelColumns): ChannelRef {
  return { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id };
}
