import type { MentionRef } from '../../src/core/grammar/index.js';

/** `@sybil` at the start of a word or after `user:` (not the `@` inside an email address). */
const MENTION = /(?<=^|\s|user:)@([A-Za-z0-9._+-]+)/g;

/**
 * The terminal's mentions: `@name` names another terminal user. When that user said `/as` with an
 * email, the email rides along, as Slack's users:read.email would give it.
 */
export function shellMentions(
  text: string,
  knownEmails: ReadonlyMap<string, string>,
): Map<string, MentionRef> {
  const mentions = new Map<string, MentionRef>();
  for (const match of text.matchAll(MENTION)) {
    const raw = match[0];
    const name = (match[1] as string).toLowerCase();
    const email = knownEmails.get(name);
    mentions.set(raw, {
      kind: 'user',
      platform: 'shell',
      userId: name,
      displayName: match[1] as string,
      ...(email ? { email } : {}),
    });
  }
  return mentions;
}
