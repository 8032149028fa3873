import type { CommandName } from './command.js';
import { DATE_FORMATS } from './parse-date.js';
import { MAX_HOURS } from './parse-hours.js';

/**
 * The one table of commands: usage line, one-line summary, example, aliases and notes. Usage errors and
 * `help` both read it, so they cannot drift apart. Text is neutral (no platform markup, no prefix).
 */
export interface CommandSpec {
  readonly usage: string;
  readonly summary: string;
  readonly example: string;
  readonly aliases: readonly string[];
  readonly notes: readonly string[];
}

// Key order is the order `help` lists the commands in.
export const COMMAND_SPECS: Readonly<Record<CommandName, CommandSpec>> = {
  help: {
    usage: 'help [command]',
    summary: 'List the commands, or explain one.',
    example: 'help timeline',
    aliases: ['?', 'h'],
    notes: [],
  },
  login: {
    usage: 'login [email] [password]',
    summary: 'Link your Co-op account; the password is asked for in a private form.',
    example: 'login ada@example.com',
    aliases: [],
    notes: [
      'Inline "login EMAIL PASSWORD" works only in the terminal, where nobody else can read it.',
      'Your password is checked with Co-op, then stored encrypted.',
    ],
  },
  logout: {
    usage: 'logout',
    summary: 'Unlink your Co-op account.',
    example: 'logout',
    aliases: [],
    notes: [],
  },
  whoami: {
    usage: 'whoami',
    summary: 'Show the Co-op account you are linked to.',
    example: 'whoami',
    aliases: [],
    notes: [],
  },
  groups: {
    usage: 'groups',
    summary: 'List the Co-op groups you belong to.',
    example: 'groups',
    aliases: [],
    notes: [],
  },
  use: {
    usage: 'use <group id or name>',
    summary: "Set this channel's Co-op group.",
    example: 'use Design team',
    aliases: [],
    notes: ['groups lists the ids and names you can use.'],
  },
  members: {
    usage: 'members',
    summary: "List the members of this channel's group.",
    example: 'members',
    aliases: [],
    notes: [],
  },
  post: {
    usage: 'post <text>',
    summary: 'Post a note to the group as you.',
    example: 'post Shipping the release today',
    aliases: ['note'],
    notes: ['The text is kept as typed, line breaks included.'],
  },
  cobot: {
    usage: 'cobot <text>',
    summary: "Post a note as Cobot, the group's robot.",
    example: 'cobot Deployed build 88 to production',
    aliases: [],
    notes: [],
  },
  delete: {
    usage: 'delete [note] <id>',
    summary: 'Delete one of your notes.',
    example: 'delete 916273',
    aliases: [],
    notes: ['Only notes can be deleted; time entries live in Harvest.'],
  },
  show: {
    usage: 'show <id>',
    summary: 'Show one of your notes.',
    example: 'show 916273',
    aliases: [],
    notes: [],
  },
  timeline: {
    usage: 'timeline [@who|email|cobot|me] [date]',
    summary: "List someone's recent statuses, or all of theirs on one day.",
    example: 'timeline @ada 2024-05-01',
    aliases: ['tl'],
    notes: ['With no one named it shows yours.', `Dates: ${DATE_FORMATS}.`],
  },
  today: {
    usage: 'today [date]',
    summary: "List the group's statuses of one day, today unless you name another.",
    example: 'today yesterday',
    aliases: [],
    notes: [`Dates: ${DATE_FORMATS}.`],
  },
  agenda: {
    usage: 'agenda [mine|everyone] | agenda set [mine] <text>',
    summary: 'Show or set the group agenda, or your own.',
    example: 'agenda set Demo on Friday',
    aliases: [],
    notes: [
      "agenda shows the group agenda, agenda mine yours, agenda everyone every member's.",
      'agenda set <text> replaces the group agenda; agenda set mine <text> (or agenda mine set <text>) replaces yours.',
      'Line breaks are kept, so "* item" lines make a list.',
    ],
  },
  time: {
    usage: 'time <hours> <project_id> <task_id> <text>',
    summary: 'Log time to Harvest as a time entry.',
    example: 'time 1:30 111 222 Pairing on the login bug',
    aliases: [],
    notes: [`Hours: 1.5, 0.75 or 1:30; more than 0 and at most ${MAX_HOURS}.`],
  },
  timer: {
    usage: 'timer <entry_id>',
    summary: 'Start or stop the timer of one of your time entries.',
    example: 'timer 1373078',
    aliases: [],
    notes: [],
  },
  subscribe: {
    usage: 'subscribe [group] [all|notes|time|cobot|user:<who>]…',
    summary: "Relay a group's new statuses to this channel.",
    example: 'subscribe cobot',
    aliases: ['sub'],
    notes: [
      "With no group, the channel's group (see use). Put a group name with spaces in quotes.",
      'Filters: all (the default), notes, time (time entries), cobot, user:<email or @mention>; combine several.',
    ],
  },
  unsubscribe: {
    usage: 'unsubscribe [id|all]',
    summary: 'Stop relaying statuses to this channel.',
    example: 'unsubscribe 3',
    aliases: ['unsub'],
    notes: ['feeds lists the subscription ids.'],
  },
  feeds: {
    usage: 'feeds',
    summary: "List this channel's subscriptions.",
    example: 'feeds',
    aliases: [],
    notes: [],
  },
};

// Object.keys of a literal typed as Record<CommandName, …> holds exactly the command names.
export const COMMAND_NAMES = Object.keys(COMMAND_SPECS) as readonly CommandName[];

const BY_WORD: ReadonlyMap<string, CommandName> = new Map(
  COMMAND_NAMES.flatMap((name) =>
    [name, ...COMMAND_SPECS[name].aliases].map((word) => [word, name] as const),
  ),
);

/** Every word that starts a command: the names and their aliases. */
export const COMMAND_WORDS: readonly string[] = [...BY_WORD.keys()];

/** The command a word names, by name or alias, ignoring case. */
export function lookupCommand(word: string): CommandName | undefined {
  return BY_WORD.get(word.toLowerCase());
}
