import { parseAgenda } from './agenda-command.js';
import { type ArgParser, makeArgs } from './args.js';
import type { CommandName, MentionRef, ParseInput, ParseResult, UsageError } from './command.js';
import { COMMAND_SPECS, lookupCommand } from './command-specs.js';
import { parseSubscribe, parseUnsubscribe } from './feed-commands.js';
import { parseUse } from './group-commands.js';
import { parseHelp } from './help-command.js';
import { parseLogin } from './login-command.js';
import { bare } from './no-argument-commands.js';
import { parseCobot, parseDelete, parsePost, parseShow } from './status-commands.js';
import { unknownCommand } from './suggest.js';
import { parseTime, parseTimer } from './time-commands.js';
import { parseTimeline, parseToday } from './timeline-commands.js';
import { tokenize } from './tokenize.js';

/**
 * The one command grammar every platform shares: text in, a `Command` or a `UsageError` out, never an
 * exception.
 *
 * Mentions. The adapter leaves each platform mention in the text exactly as the platform wrote it and
 * passes a table from that raw token to the person: Slack `<@U123|ada>` (or `<@U123>`), Discord
 * `<@123456>` (or `<@!123456>`), terminal `@sybil`. Keys are matched literally, may contain spaces, and
 * are never split into words. Free text (post, cobot, agenda set, time) keeps the raw tokens; a person
 * argument (timeline, `user:` filter) becomes `{ kind: 'mention', mention }`. A mention-looking word that
 * is not in the table (`@nobody`) is a usage error, not a guess. Platform markup other than mentions
 * (Slack's `<mailto:…|…>`, `<#C1|general>`) is the adapter's to unwrap.
 *
 * Words. Command names, aliases and keywords (`mine`, `all`, `cobot`, `me`, `today`, filters) ignore
 * case. Whitespace of any kind separates words; free text is sliced from the original, so newlines and
 * runs of spaces inside it survive, and only its ends are trimmed. A leading `/coop` or `coop` word is
 * skipped (`!coop timeline`), and empty input means `help`.
 *
 * Aliases (the table in command-specs.ts is the source): `?` and `h` → help, `tl` → timeline,
 * `note` → post, `sub` → subscribe, `unsub` → unsubscribe.
 */

const PARSERS: Readonly<Record<CommandName, ArgParser>> = {
  help: parseHelp,
  login: parseLogin,
  logout: bare('logout'),
  whoami: bare('whoami'),
  groups: bare('groups'),
  use: parseUse,
  members: bare('members'),
  post: parsePost,
  cobot: parseCobot,
  delete: parseDelete,
  show: parseShow,
  timeline: parseTimeline,
  today: parseToday,
  agenda: parseAgenda,
  time: parseTime,
  timer: parseTimer,
  subscribe: parseSubscribe,
  unsubscribe: parseUnsubscribe,
  feeds: bare('feeds'),
};

const PREFIX_WORDS: ReadonlySet<string> = new Set(['/coop', 'coop']);
const NO_MENTIONS: ReadonlyMap<string, MentionRef> = new Map();

/** Only a bug in the grammar produces this; the property tests assert it never appears. */
export const INTERNAL_ERROR_MESSAGE = "Something in that command tripped me up; I couldn't read it.";

export function parseCommand(input: ParseInput): ParseResult {
  try {
    return parseOrThrow(input);
  } catch {
    // Belt and braces: a chat bot must answer a bad command with usage, never with a crash.
    return internalError();
  }
}

function parseOrThrow(input: ParseInput): ParseResult {
  const mentions = input.mentions ?? NO_MENTIONS;
  // Adapters are typed, but the text comes from the network: a missing one is an empty command.
  const text = typeof input.text === 'string' ? input.text : '';
  const tokens = tokenize(text, mentions.keys());
  const start = PREFIX_WORDS.has(tokens[0]?.raw.toLowerCase() ?? '') ? 1 : 0;
  const commandWord = tokens[start];
  if (commandWord === undefined) return { name: 'help' };
  const name = lookupCommand(commandWord.text);
  if (name === undefined) return unknownCommand(commandWord.text);
  return PARSERS[name](makeArgs(text, tokens.slice(start + 1), mentions));
}

function internalError(): UsageError {
  const help = COMMAND_SPECS.help;
  return { kind: 'usage', message: INTERNAL_ERROR_MESSAGE, usage: help.usage, example: help.example };
}
