import type { App, ViewOutput, webApi } from '@slack/bolt';
import type { Core } from '../../src/core/create-core.js';
import type { Logger } from '../../src/log/logger.js';
import { describeSlackError } from './describe-error.js';
import {
  decodeOrigin,
  EMAIL_BLOCK,
  INPUT_ACTION,
  LOGIN_CALLBACK_ID,
  type LoginOrigin,
  PASSWORD_BLOCK,
} from './login-modal.js';
import { renderReply } from './render-reply.js';
import { slackContext } from './slack-context.js';
import type { SlackMessage } from './slack-message.js';
import type { UserDirectory } from './user-directory.js';

export interface LoginDeps {
  core: Core;
  directory: UserDirectory;
  logger: Logger;
}

/**
 * The login modal's submission: checked with Co-op by the core, the result shown to the user alone in
 * the channel where they asked. The submitted values are never logged nor echoed.
 */
export function registerLoginSubmission(app: App, deps: LoginDeps): void {
  app.view(LOGIN_CALLBACK_ID, async ({ ack, view, body, client }) => {
    const email = inputValue(view, EMAIL_BLOCK).trim();
    const password = inputValue(view, PASSWORD_BLOCK);
    const errors = validate(email, password);
    if (errors) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const origin = decodeOrigin(view.private_metadata);
    const userId = body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const profile = await deps.directory.lookup(userId);
    const channelId = origin?.channel ?? userId;
    const ctx = slackContext({ teamId, channelId, userId, userName: body.user.name }, profile);
    const reply = await deps.core.completeLogin(ctx, email, password);
    deps.logger.debug({ team: teamId, user: userId, reply: reply.kind }, 'slack login submitted');
    await showPrivately(client, origin, userId, renderReply(reply), deps.logger);
  });
}

function inputValue(view: ViewOutput, block: string): string {
  return view.state.values[block]?.[INPUT_ACTION]?.value ?? '';
}

function validate(email: string, password: string): Record<string, string> | undefined {
  const errors: Record<string, string> = {};
  if (email === '') errors[EMAIL_BLOCK] = 'Enter the email you log in to Co-op with.';
  else if (!email.includes('@')) errors[EMAIL_BLOCK] = 'That is not an email address.';
  if (password === '') errors[PASSWORD_BLOCK] = 'Enter your Co-op password.';
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** An ephemeral message in the original channel; if the bot cannot post there, via `response_url`. */
async function showPrivately(
  client: webApi.WebClient,
  origin: LoginOrigin | undefined,
  userId: string,
  message: SlackMessage,
  logger: Logger,
): Promise<void> {
  try {
    await client.chat.postEphemeral({ channel: origin?.channel ?? userId, user: userId, ...message });
    return;
  } catch (error) {
    logger.info({ reason: describeSlackError(error) }, 'chat.postEphemeral failed; trying response_url');
  }
  if (!origin?.responseUrl) return;
  try {
    const response = await fetch(origin.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', ...message }),
    });
    if (!response.ok) logger.warn({ status: response.status }, 'response_url refused the login result');
  } catch (error) {
    logger.warn({ reason: describeSlackError(error) }, 'could not show the login result');
  }
}
