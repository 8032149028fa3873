import type { GuildMember, User } from 'discord.js';
import type { ChatContext } from '../../src/core/chat-context.js';

/** The workspace of direct messages: Discord DMs belong to no guild. */
export const DM_WORKSPACE = 'dm';

export interface DiscordOrigin {
  guildId: string | null;
  channelId: string;
  user: User;
  member?: GuildMember | null;
}

/** The name people see: server nickname, else global display name, else username. */
export function displayNameOf(user: User, member?: GuildMember | null): string {
  return member?.displayName ?? user.displayName ?? user.username;
}

/**
 * Where a command came from, for the core. Discord never shares emails with bots, so none rides
 * along. `private` stays false even in DMs: Discord keeps DM history on its servers, so a password
 * is only ever taken through the login modal.
 */
export function chatContext(origin: DiscordOrigin): ChatContext {
  return {
    platform: 'discord',
    workspace: origin.guildId ?? DM_WORKSPACE,
    channel: origin.channelId,
    user: { id: origin.user.id, displayName: displayNameOf(origin.user, origin.member) },
    private: false,
  };
}
