import { type ArgParser, mentionOf } from './args.js';
import type { DateArg, TimelineTarget } from './command.js';
import { looksLikeDate, parseDate } from './parse-date.js';
import { parseTarget } from './parse-user.js';
import { usageError } from './usage-error.js';

/**
 * `timeline [who] [date]`: who defaults to me. The person and the date may come in either order,
 * since a date never looks like a person (`timeline yesterday @ada` works too).
 */
export const parseTimeline: ArgParser = (args) => {
  if (args.words.length > 2) return usageError('timeline', 'timeline takes at most a person and a date.');
  let target: TimelineTarget | undefined;
  let date: DateArg | undefined;
  for (const word of args.words) {
    if (mentionOf(word, args.mentions) === undefined && looksLikeDate(word.text)) {
      if (date !== undefined) return usageError('timeline', 'timeline takes one date.');
      const parsed = parseDate(word.text);
      if (!parsed.ok) return usageError('timeline', parsed.problem);
      date = parsed.value;
    } else {
      if (target !== undefined) return usageError('timeline', 'timeline shows one person at a time.');
      const parsed = parseTarget(word, args.mentions);
      if (!parsed.ok) return usageError('timeline', parsed.problem);
      target = parsed.value;
    }
  }
  const who = target ?? { kind: 'me' };
  return date === undefined ? { name: 'timeline', target: who } : { name: 'timeline', target: who, date };
};

/** `today [date]`: the group's statuses of one day. */
export const parseToday: ArgParser = (args) => {
  const [word, extra] = args.words;
  if (extra !== undefined) return usageError('today', 'today takes one date.');
  if (word === undefined) return { name: 'today', date: { kind: 'today' } };
  const date = parseDate(word.text);
  return date.ok ? { name: 'today', date: date.value } : usageError('today', date.problem);
};
