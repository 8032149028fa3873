import type { ChatInputCommandInteraction } from 'discord.js';
import type { MentionRef } from '../../src/core/grammar/index.js';
import type { Visibility } from '../../src/core/reply.js';
import { OPT } from './command-definitions.js';
import { asGuildMember, mentionRef } from './discord-mentions.js';

/** A slash command as grammar text, plus what the answer is likely to be (to defer the right way). */
export interface SlashInput {
  text: string;
  mentions: Map<string, MentionRef>;
  /** Where the core usually answers this command; the answer may still differ (errors are private). */
  predicted: Visibility;
}

type Options = ChatInputCommandInteraction['options'];

const CHANNEL_ANSWERS: ReadonlySet<string> = new Set([
  'post',
  'cobot',
  'use',
  'time',
  'subscribe',
  'unsubscribe',
]);

/** A word the tokenizer keeps whole: quoted when it holds spaces (a group name such as "Design team"). */
function word(value: string): string {
  return /\s/.test(value) ? `"${value.replaceAll('"', "'")}"` : value;
}

function join(...parts: ReadonlyArray<string | number | null | undefined | false>): string {
  return parts.filter((p) => p !== null && p !== undefined && p !== false && p !== '').join(' ');
}

/** A user option as `<@id>`, recorded in the mentions table. */
function userToken(options: Options, mentions: Map<string, MentionRef>): string | undefined {
  const user = options.getUser(OPT.user);
  if (!user) return undefined;
  const key = `<@${user.id}>`;
  mentions.set(key, mentionRef(user, asGuildMember(options.getMember(OPT.user))));
  return key;
}

function agendaText(options: Options): string {
  if (options.getSubcommand() === 'set') {
    return join('agenda set', options.getBoolean(OPT.mine) && 'mine', options.getString(OPT.text, true));
  }
  const scope = options.getString(OPT.scope);
  return join('agenda', scope !== 'group' && scope);
}

function subscribeText(options: Options, mentions: Map<string, MentionRef>): string {
  const group = options.getString(OPT.group);
  const user = userToken(options, mentions);
  return join('subscribe', group && word(group), options.getString(OPT.filter), user && `user:${user}`);
}

function commandText(name: string, options: Options, mentions: Map<string, MentionRef>): string {
  switch (name) {
    case 'help':
      return join('help', options.getString(OPT.command));
    case 'login':
      return join('login', options.getString(OPT.email));
    case 'use':
      return join('use', options.getString(OPT.group, true));
    case 'post':
    case 'cobot':
      return join(name, options.getString(OPT.text, true));
    case 'delete':
    case 'show':
      return join(name, options.getInteger(OPT.id, true));
    case 'timeline': {
      const who = userToken(options, mentions) ?? options.getString(OPT.who);
      return join('timeline', who && word(who), options.getString(OPT.date));
    }
    case 'today':
      return join('today', options.getString(OPT.date));
    case 'time':
      return join(
        'time',
        options.getString(OPT.hours, true),
        options.getInteger(OPT.projectId, true),
        options.getInteger(OPT.taskId, true),
        options.getString(OPT.text, true),
      );
    case 'timer':
      return join('timer', options.getInteger(OPT.entryId, true));
    case 'subscribe':
      return subscribeText(options, mentions);
    case 'unsubscribe':
      return join('unsubscribe', options.getBoolean(OPT.all) ? 'all' : options.getInteger(OPT.id));
    default:
      // logout, whoami, groups, members, feeds: no options.
      return name;
  }
}

export function slashInput(interaction: ChatInputCommandInteraction): SlashInput {
  const { options } = interaction;
  const mentions = new Map<string, MentionRef>();
  const group = options.getSubcommandGroup(false);
  const name = group ?? options.getSubcommand();
  const text = group === 'agenda' ? agendaText(options) : commandText(name, options, mentions);
  const setsGroupAgenda =
    group === 'agenda' && options.getSubcommand() === 'set' && !options.getBoolean(OPT.mine);
  const predicted = CHANNEL_ANSWERS.has(name) || setsGroupAgenda ? 'channel' : 'private';
  return { text, mentions, predicted };
}
