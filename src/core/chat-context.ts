import type { ChannelRef, ChatUserRef, Platform } from '../store/store.js';

export type { Platform };

/** Who said a command, and where. Adapters build it; the core never sees platform objects. */
export interface ChatUser {
  /** The platform's stable user id (Slack `U…`, Discord snowflake, terminal name). */
  id: string;
  displayName: string;
  /** The chat account's email where the platform shares it; used to match unlinked mentions. */
  email?: string;
}

export interface ChatContext {
  platform: Platform;
  /** Slack team id, Discord guild id, or `local` for the terminal. */
  workspace: string;
  channel: string;
  user: ChatUser;
  /**
   * True where nobody but the caller can read what they type (the terminal). Only there is an
   * inline password accepted.
   */
  private: boolean;
}

export function channelRef(ctx: ChatContext): ChannelRef {
  return { platform: ctx.platform, workspaceId: ctx.workspace, channelId: ctx.channel };
}

export function chatUserRef(ctx: ChatContext, chatUserId = ctx.user.id): ChatUserRef {
  return { platform: ctx.platform, workspaceId: ctx.workspace, chatUserId };
}
