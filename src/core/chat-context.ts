/** Who said a command, and where. Adapters build it; the core never sees platform objects. */
export type Platform = 'slack' | 'discord' | 'shell';

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
   * True where nobody but the caller can read what they type (the terminal, a DM). Only there is an
   * inline password accepted.
   */
  private: boolean;
}

/** The store's key for a channel. */
export function channelRef(ctx: ChatContext): { platform: Platform; workspace: string; channel: string } {
  return { platform: ctx.platform, workspace: ctx.workspace, channel: ctx.channel };
}
