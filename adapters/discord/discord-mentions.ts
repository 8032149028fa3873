import { GuildMember, type Message, type User } from 'discord.js';
import type { MentionRef } from '../../src/core/grammar/index.js';
import { displayNameOf } from './discord-context.js';

export function mentionRef(user: User, member?: GuildMember | null): MentionRef {
  return { kind: 'user', platform: 'discord', userId: user.id, displayName: displayNameOf(user, member) };
}

/** `member` as discord.js gives it for an option or a mention: a cached GuildMember, or raw API data. */
export function asGuildMember(member: unknown): GuildMember | null {
  return member instanceof GuildMember ? member : null;
}

/**
 * The people a message mentions, keyed exactly as written (`<@123>`, or the nickname form `<@!123>`),
 * as the grammar wants them (parse-command.ts). Role mentions (`<@&456>`), `@everyone` and `@here` name
 * no person and are left in the text untouched.
 */
export function messageMentions(message: Message): Map<string, MentionRef> {
  const mentions = new Map<string, MentionRef>();
  for (const user of message.mentions.users.values()) {
    const member = message.mentions.members?.get(user.id) ?? null;
    for (const key of [`<@${user.id}>`, `<@!${user.id}>`]) {
      if (message.content.includes(key)) mentions.set(key, mentionRef(user, member));
    }
  }
  return mentions;
}
