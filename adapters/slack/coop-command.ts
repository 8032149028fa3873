import type { App, RespondFn, SlashCommand, webApi } from '@slack/bolt';
import type { Core } from '../../src/core/create-core.js';
import { isUsageError, type MentionRef, parseCommand } from '../../src/core/grammar/index.js';
import type { Reply } from '../../src/core/reply.js';
import type { Logger } from '../../src/log/logger.js';
import { describeSlackError } from './describe-error.js';
import { loginModal } from './login-modal.js';
import { renderReply, textMessage } from './render-reply.js';
import { slackContext } from './slack-context.js';
import { resolveMentions } from './slack-mentions.js';
import type { SlackMessage } from './slack-message.js';
import { readCommandText } from './slack-text.js';
import type { UserDirectory } from './user-directory.js';

export interface CommandDeps {
  core: Core;
  directory: UserDirectory;
  logger: Logger;
  /** `post` confirmations to the whole channel (true) or to the poster alone. */
  confirmPosts: boolean;
}

/**
 * `/coop <command>`: acknowledged before anything else (Slack allows 3 seconds, Co-op may take
 * longer), then run by the core and answered through `response_url`. The command text is never
 * logged: it may hold a password typed where it should not be.
 */
export function registerCoopCommand(app: App, deps: CommandDeps, commandName = '/coop'): void {
  app.command(commandName, async ({ command, ack, respond, client }) => {
    await ack();
    await answer(command, respond, client, deps);
  });
}

async function answer(
  command: SlashCommand,
  respond: RespondFn,
  client: webApi.WebClient,
  deps: CommandDeps,
) {
  const started = Date.now();
  const { text, mentions } = readCommandText(command.text ?? '');
  const [profile, table] = await Promise.all([
    deps.directory.lookup(command.user_id),
    resolveMentions(mentions, deps.directory),
  ]);
  const ctx = slackContext(
    {
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      userName: command.user_name,
    },
    profile,
  );
  const reply = await deps.core.run(ctx, { text, mentions: table });
  const log = { team: ctx.workspace, user: ctx.user.id, reply: reply.kind, ms: Date.now() - started };
  deps.logger.debug(log, 'slack command answered');
  if (reply.kind === 'login-form') {
    await openLoginForm(command, reply, client, respond, deps.logger);
    return;
  }
  await send(respond, renderReply(reply), visibilityOf(reply, text, table, deps.confirmPosts), deps.logger);
}

/** The core decides who sees a reply; this adapter's setting can keep `post` confirmations private. */
function visibilityOf(
  reply: Reply,
  text: string,
  table: ReadonlyMap<string, MentionRef>,
  confirmPosts: boolean,
) {
  if (reply.visibility === 'private' || confirmPosts) return reply.visibility;
  const parsed = parseCommand({ text, mentions: table });
  return !isUsageError(parsed) && parsed.name === 'post' ? 'private' : reply.visibility;
}

async function openLoginForm(
  command: SlashCommand,
  reply: Extract<Reply, { kind: 'login-form' }>,
  client: webApi.WebClient,
  respond: RespondFn,
  logger: Logger,
): Promise<void> {
  const origin = { channel: command.channel_id, responseUrl: command.response_url };
  try {
    await client.views.open({
      trigger_id: command.trigger_id,
      view: loginModal(origin, reply.text, reply.email),
    });
  } catch (error) {
    const reason = describeSlackError(error);
    logger.warn({ reason }, 'could not open the slack login modal');
    const message = `I could not open the login form (${reason}). Run \`/coop login\` again.`;
    await send(respond, textMessage(message), 'private', logger);
  }
}

async function send(
  respond: RespondFn,
  message: SlackMessage,
  visibility: Reply['visibility'],
  logger: Logger,
) {
  try {
    await respond({ response_type: visibility === 'channel' ? 'in_channel' : 'ephemeral', ...message });
  } catch (error) {
    logger.warn({ reason: describeSlackError(error) }, 'could not answer through response_url');
  }
}
