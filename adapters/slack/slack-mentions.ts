import type { MentionRef } from '../../src/core/grammar/index.js';
import type { SlackUserMention } from './slack-text.js';
import type { UserDirectory } from './user-directory.js';

/**
 * The grammar's mention table for one command: each `<@U…>` as written → a neutral user reference.
 * The email (from `users.info`, with `users:read.email`) lets the core match a member who has not
 * linked a Co-op login; without it the name is all the core has.
 */
export async function resolveMentions(
  mentions: readonly SlackUserMention[],
  directory: UserDirectory,
): Promise<Map<string, MentionRef>> {
  const unique = [...new Map(mentions.map((m) => [m.raw, m])).values()];
  return new Map(await Promise.all(unique.map(async (m) => [m.raw, await toRef(m, directory)] as const)));
}

async function toRef(mention: SlackUserMention, directory: UserDirectory): Promise<MentionRef> {
  const profile = await directory.lookup(mention.userId);
  const displayName = mention.name ?? profile?.displayName;
  return {
    kind: 'user',
    platform: 'slack',
    userId: mention.userId,
    ...(displayName ? { displayName } : {}),
    ...(profile?.email ? { email: profile.email } : {}),
  };
}
