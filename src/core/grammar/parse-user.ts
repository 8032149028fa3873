import { mentionOf } from './args.js';
import type { MentionRef, TimelineTarget } from './command.js';
import { fail, ok, type Parsed, shown } from './parsed.js';
import type { Token } from './tokenize.js';

/**
 * A person named in a command: a mention from the adapter's table, an email, `me`, or `cobot`.
 * Resolving an email or mention to a Co-op user is the core's job; the grammar only tells them apart.
 */

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+$/;

export function isEmail(word: string): boolean {
  return EMAIL.test(word);
}

export function parseTarget(word: Token, mentions: ReadonlyMap<string, MentionRef>): Parsed<TimelineTarget> {
  const mention = mentionOf(word, mentions);
  if (mention !== undefined) return ok({ kind: 'mention', mention });
  const lower = word.text.toLowerCase();
  if (lower === 'me') return ok({ kind: 'me' });
  if (lower === 'cobot') return ok({ kind: 'cobot' });
  if (isEmail(word.text)) return ok({ kind: 'email', email: word.text });
  if (word.raw.startsWith('@') || word.raw.startsWith('<@')) {
    return fail(
      `I couldn't tell who ${shown(word.raw)} is. Pick them from the mention list, or use their email.`,
    );
  }
  return fail(`${shown(word.text)} isn't a person. Name one with a mention, an email, cobot or me.`);
}
