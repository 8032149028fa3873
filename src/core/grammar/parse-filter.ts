import type { FeedFilter, MentionRef } from './command.js';
import { parseTarget } from './parse-user.js';
import { fail, ok, type Parsed, type Problem, shown } from './parsed.js';
import { editDistance } from './suggest.js';
import type { Token } from './tokenize.js';

/**
 * Feed filters for `subscribe`: `all` (the default), `notes`, `time`, `cobot`, `user:<email or @mention>`.
 * The grammar lists them without deciding how several combine; that is the relay's rule. Duplicates are
 * dropped, and `all` beside another filter is refused because the user's intent is unclear.
 */

const WORD_FILTERS: ReadonlyMap<string, FeedFilter> = new Map([
  ['all', { kind: 'all' }],
  ['notes', { kind: 'notes' }],
  ['note', { kind: 'notes' }],
  ['time', { kind: 'time' }],
  ['times', { kind: 'time' }],
  ['cobot', { kind: 'cobot' }],
]);
const USER_PREFIX = 'user:';
const FILTER_LIST = 'Use all, notes, time, cobot or user:<email or @mention>.';

/** Whether a word is meant as a filter. Quoted words never are: `"cobot"` names a group. */
export function isFilterWord(word: Token): boolean {
  const lower = word.raw.toLowerCase();
  return WORD_FILTERS.has(lower) || lower.startsWith(USER_PREFIX);
}

export function parseFilters(
  words: readonly Token[],
  mentions: ReadonlyMap<string, MentionRef>,
): Parsed<FeedFilter[]> {
  const filters: FeedFilter[] = [];
  let i = 0;
  for (let word = words[i]; word !== undefined; word = words[i]) {
    const next = words[i + 1];
    // `user: @ada` with a space: the person is the next word.
    const spaced = word.raw.toLowerCase() === USER_PREFIX && next !== undefined;
    const parsed = spaced ? userFilter(next, mentions) : parseFilter(word, mentions);
    i += spaced ? 2 : 1;
    if (!parsed.ok) return parsed;
    const key = filterKey(parsed.value);
    if (!filters.some((f) => filterKey(f) === key)) filters.push(parsed.value);
  }
  if (filters.length === 0) return ok([{ kind: 'all' }]);
  if (filters.length > 1 && filters.some((f) => f.kind === 'all')) {
    return fail('all already means every status; drop it, or drop the other filters.');
  }
  return ok(filters);
}

export function parseFilter(word: Token, mentions: ReadonlyMap<string, MentionRef>): Parsed<FeedFilter> {
  const lower = word.raw.toLowerCase();
  const named = WORD_FILTERS.get(lower);
  if (named !== undefined) return ok(named);
  if (!lower.startsWith(USER_PREFIX)) return notAFilter(word, mentions);
  const who = word.raw.slice(USER_PREFIX.length);
  if (who === '') return fail('user: needs someone after it, like user:ada@example.com.');
  return userFilter({ text: who, raw: who, start: word.start + USER_PREFIX.length, end: word.end }, mentions);
}

/** Whether an unquoted word is one letter off a filter word: `notez` is a typo, not a group. */
export function nearFilterWord(word: Token): string | undefined {
  const lower = word.raw.toLowerCase();
  if (lower.length > 6) return undefined; // longer than any filter word plus one letter
  return [...WORD_FILTERS.keys()].find((filter) => editDistance(lower, filter) <= 1);
}

function notAFilter(word: Token, mentions: ReadonlyMap<string, MentionRef>): Problem {
  const person = parseTarget(word, mentions);
  if (person.ok) return fail(`To follow one person, write ${shown(`user:${word.raw}`)}.`);
  if (/^<?@/.test(word.raw)) return person;
  const near = nearFilterWord(word);
  const didYouMean = near === undefined ? '' : ` Did you mean ${near}?`;
  return fail(`${shown(word.text)} isn't a filter.${didYouMean} ${FILTER_LIST}`);
}

function userFilter(word: Token, mentions: ReadonlyMap<string, MentionRef>): Parsed<FeedFilter> {
  const target = parseTarget(word, mentions);
  if (!target.ok) return target;
  // `user:cobot` is the cobot filter under another name.
  return target.value.kind === 'cobot' ? ok({ kind: 'cobot' }) : ok({ kind: 'user', user: target.value });
}

function filterKey(filter: FeedFilter): string {
  if (filter.kind !== 'user') return filter.kind;
  const user = filter.user;
  if (user.kind === 'email') return `user:email:${user.email.toLowerCase()}`;
  if (user.kind === 'mention') return `user:mention:${user.mention.platform}:${user.mention.userId}`;
  return 'user:me';
}
