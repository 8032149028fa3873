import { type ArgParser, mentionOf } from './args.js';
import type { GroupRef, MentionRef } from './command.js';
import { isFilterWord, nearFilterWord, parseFilters } from './parse-filter.js';
import { parseGroup } from './parse-group.js';
import { parseId } from './parse-id.js';
import { isEmail } from './parse-user.js';
import type { Token } from './tokenize.js';
import { usageError } from './usage-error.js';

/**
 * `subscribe [group] [filter…]`, `unsubscribe [id|all]`. The group, if any, is the first word that is
 * not a filter; a person (mention, `@name`, email) is never taken for a group: people go in `user:`.
 * A group whose name is, or is one letter off, a filter word must be quoted: `subscribe "Cobots"`.
 */
export const parseSubscribe: ArgParser = (args) => {
  const first = args.words[0];
  const hasGroup =
    first !== undefined &&
    !isFilterWord(first) &&
    nearFilterWord(first) === undefined &&
    !isPerson(first, args.mentions);
  let group: GroupRef | undefined;
  if (hasGroup) {
    const parsed = parseGroup(first.text);
    if (!parsed.ok) return usageError('subscribe', parsed.problem);
    group = parsed.value;
  }
  const filters = parseFilters(hasGroup ? args.words.slice(1) : args.words, args.mentions);
  if (!filters.ok) return usageError('subscribe', filters.problem);
  return group === undefined
    ? { name: 'subscribe', filters: filters.value }
    : { name: 'subscribe', group, filters: filters.value };
};

function isPerson(word: Token, mentions: ReadonlyMap<string, MentionRef>): boolean {
  return mentionOf(word, mentions) !== undefined || /^<?@/.test(word.raw) || isEmail(word.text);
}

export const parseUnsubscribe: ArgParser = (args) => {
  const [word, extra] = args.words;
  if (extra !== undefined) return usageError('unsubscribe', 'unsubscribe takes one subscription id, or all.');
  if (word === undefined) return { name: 'unsubscribe', target: { kind: 'default' } };
  if (word.raw.toLowerCase() === 'all') return { name: 'unsubscribe', target: { kind: 'all' } };
  const id = parseId(word.text, 'a subscription id');
  return id.ok
    ? { name: 'unsubscribe', target: { kind: 'id', id: id.value } }
    : usageError('unsubscribe', id.problem);
};
