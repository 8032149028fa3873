import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { COMMAND_NAMES, COMMAND_SPECS } from '../../src/core/grammar/index.js';

/**
 * `/coop` and its subcommands, one per command of the grammar, with typed options. The handler turns
 * the options back into grammar text (slash-input.ts), so both entry points share one grammar.
 */
export const COOP_COMMAND = 'coop';

/** Option names, shared with slash-input.ts. */
export const OPT = {
  command: 'command',
  email: 'email',
  group: 'group',
  text: 'text',
  id: 'id',
  user: 'user',
  who: 'who',
  date: 'date',
  scope: 'scope',
  mine: 'mine',
  hours: 'hours',
  projectId: 'project_id',
  taskId: 'task_id',
  entryId: 'entry_id',
  filter: 'filter',
  all: 'all',
} as const;

const DATE_HELP = 'A day: YYYYMMDD, YYYY-MM-DD, today or yesterday';

type Sub = SlashCommandSubcommandBuilder;

/** The summary of a grammar command, within Discord's 100 characters. */
function summary(name: keyof typeof COMMAND_SPECS): string {
  return COMMAND_SPECS[name].summary.slice(0, 100);
}

function bare(name: keyof typeof COMMAND_SPECS) {
  return (s: Sub) => s.setName(name).setDescription(summary(name));
}

function helpSub(s: Sub): Sub {
  return bare('help')(s).addStringOption((o) =>
    o
      .setName(OPT.command)
      .setDescription('The command to explain')
      .addChoices(COMMAND_NAMES.map((name) => ({ name, value: name }))),
  );
}

function loginSub(s: Sub): Sub {
  return bare('login')(s).addStringOption((o) =>
    o
      .setName(OPT.email)
      .setDescription('Your Co-op email, filled in for you (the password is asked privately)'),
  );
}

function textSub(name: 'post' | 'cobot', what: string) {
  return (s: Sub) =>
    bare(name)(s).addStringOption((o) => o.setName(OPT.text).setDescription(what).setRequired(true));
}

function idSub(name: 'delete' | 'show') {
  return (s: Sub) =>
    bare(name)(s).addIntegerOption((o) =>
      o.setName(OPT.id).setDescription('The note id').setRequired(true).setMinValue(1),
    );
}

function timelineSub(s: Sub): Sub {
  return bare('timeline')(s)
    .addUserOption((o) => o.setName(OPT.user).setDescription('Whose statuses (default: yours)'))
    .addStringOption((o) => o.setName(OPT.who).setDescription('Or: a Co-op email, cobot, or me'))
    .addStringOption((o) => o.setName(OPT.date).setDescription(DATE_HELP));
}

function todaySub(s: Sub): Sub {
  return bare('today')(s).addStringOption((o) => o.setName(OPT.date).setDescription(DATE_HELP));
}

function useSub(s: Sub): Sub {
  return bare('use')(s).addStringOption((o) =>
    o.setName(OPT.group).setDescription('A group id or name (see groups)').setRequired(true),
  );
}

function timeSub(s: Sub): Sub {
  return bare('time')(s)
    .addStringOption((o) => o.setName(OPT.hours).setDescription('Hours: 1.5, 0.75 or 1:30').setRequired(true))
    .addIntegerOption((o) =>
      o.setName(OPT.projectId).setDescription('Harvest project id').setRequired(true).setMinValue(1),
    )
    .addIntegerOption((o) =>
      o.setName(OPT.taskId).setDescription('Harvest task id').setRequired(true).setMinValue(1),
    )
    .addStringOption((o) => o.setName(OPT.text).setDescription('What you did').setRequired(true));
}

function timerSub(s: Sub): Sub {
  return bare('timer')(s).addIntegerOption((o) =>
    o.setName(OPT.entryId).setDescription('The time entry id').setRequired(true).setMinValue(1),
  );
}

function subscribeSub(s: Sub): Sub {
  return bare('subscribe')(s)
    .addStringOption((o) =>
      o.setName(OPT.group).setDescription("A group id or name (default: the channel's)"),
    )
    .addStringOption((o) =>
      o
        .setName(OPT.filter)
        .setDescription('Which statuses (default: all)')
        .addChoices(['all', 'notes', 'time', 'cobot'].map((f) => ({ name: f, value: f }))),
    )
    .addUserOption((o) => o.setName(OPT.user).setDescription("Only this person's statuses"));
}

function unsubscribeSub(s: Sub): Sub {
  return bare('unsubscribe')(s)
    .addIntegerOption((o) => o.setName(OPT.id).setDescription('The feed id (see feeds)').setMinValue(1))
    .addBooleanOption((o) => o.setName(OPT.all).setDescription("All of this channel's feeds"));
}

function agendaGroup(builder: SlashCommandBuilder): void {
  builder.addSubcommandGroup((g) =>
    g
      .setName('agenda')
      .setDescription(summary('agenda'))
      .addSubcommand((s) =>
        s
          .setName('show')
          .setDescription("Show the group agenda, yours, or every member's")
          .addStringOption((o) =>
            o
              .setName(OPT.scope)
              .setDescription('Whose agenda (default: the group)')
              .addChoices(['group', 'mine', 'everyone'].map((v) => ({ name: v, value: v }))),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('set')
          .setDescription('Replace the group agenda, or yours')
          .addStringOption((o) => o.setName(OPT.text).setDescription('The new agenda').setRequired(true))
          .addBooleanOption((o) => o.setName(OPT.mine).setDescription('Set your own agenda instead')),
      ),
  );
}

/** The subcommands in the order `help` lists the commands. */
const SUBCOMMANDS: ReadonlyArray<(s: Sub) => Sub> = [
  helpSub,
  loginSub,
  bare('logout'),
  bare('whoami'),
  bare('groups'),
  useSub,
  bare('members'),
  textSub('post', 'What to post'),
  textSub('cobot', 'What Cobot should say'),
  idSub('delete'),
  idSub('show'),
  timelineSub,
  todaySub,
  timeSub,
  timerSub,
  subscribeSub,
  unsubscribeSub,
  bare('feeds'),
];

export function coopCommand(): SlashCommandBuilder {
  const builder = new SlashCommandBuilder()
    .setName(COOP_COMMAND)
    .setDescription('Co-op team statuses: post, timelines, agendas, time, feeds')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  for (const sub of SUBCOMMANDS) builder.addSubcommand(sub);
  agendaGroup(builder);
  return builder;
}

/** The JSON body `PUT /applications/:id/commands` takes. */
export function commandPayload(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [coopCommand().toJSON()];
}
