import type { Selectable } from 'kysely';
import type { AccountsTable } from '../database.js';
import type { Account, AccountLink, ChatUserRef } from '../store.js';
import { atomically, type TableContext } from './table-context.js';

export async function linkAccount(ctx: TableContext, link: AccountLink): Promise<Account> {
  const now = ctx.now();
  const fields = {
    coop_email: link.coopEmail,
    password_enc: ctx.box.encrypt(link.password, 'account-password'),
    coop_user_id: link.coopUserId,
    display_name: link.displayName,
    updated_at: now,
  };
  // Upsert keeps the row (and its id, which feeds reference) when a user logs in again.
  const row = await ctx.db
    .insertInto('accounts')
    .values({
      platform: link.platform,
      workspace_id: link.workspaceId,
      chat_user_id: link.chatUserId,
      created_at: now,
      ...fields,
    })
    .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'chat_user_id']).doUpdateSet(fields))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(ctx, row);
}

export async function getAccount(ctx: TableContext, id: number): Promise<Account | undefined> {
  const row = await ctx.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAccount(ctx, row);
}

export async function getAccountByChatUser(
  ctx: TableContext,
  user: ChatUserRef,
): Promise<Account | undefined> {
  const row = await ctx.db
    .selectFrom('accounts')
    .selectAll()
    .where('platform', '=', user.platform)
    .where('workspace_id', '=', user.workspaceId)
    .where('chat_user_id', '=', user.chatUserId)
    .executeTakeFirst();
  return row && toAccount(ctx, row);
}

/**
 * Deletes the link. The account's feeds are paused first, with a reason the `feeds` command can
 * show; the foreign keys then clear their owner and drop the account's poll state and seen set.
 */
export function unlinkAccount(ctx: TableContext, user: ChatUserRef): Promise<boolean> {
  return atomically(ctx.db, async (db) => {
    const account = await db
      .selectFrom('accounts')
      .select('id')
      .where('platform', '=', user.platform)
      .where('workspace_id', '=', user.workspaceId)
      .where('chat_user_id', '=', user.chatUserId)
      .executeTakeFirst();
    if (!account) return false;
    await db
      .updateTable('subscriptions')
      .set({ state: 'paused', state_reason: 'owner_unlinked', updated_at: ctx.now() })
      .where('owner_account_id', '=', account.id)
      .where('state', '=', 'active')
      .execute();
    await db.deleteFrom('accounts').where('id', '=', account.id).execute();
    return true;
  });
}

function toAccount(ctx: TableContext, row: Selectable<AccountsTable>): Account {
  return {
    id: row.id,
    platform: row.platform,
    workspaceId: row.workspace_id,
    chatUserId: row.chat_user_id,
    coopEmail: row.coop_email,
    password: ctx.box.decrypt(row.password_enc, 'account-password'),
    coopUserId: row.coop_user_id,
    displayName: row.display_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
