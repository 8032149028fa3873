import { webApi } from '@slack/bolt';
import { ChatSinkError } from '../../src/relay/chat-sink.js';

/** Slack error codes that retrying cannot fix, and whether the channel's subscriptions end for good. */
const PERMANENT: Readonly<Record<string, { ends: boolean; why: string }>> = {
  channel_not_found: { ends: true, why: 'the channel no longer exists, or the bot cannot see it' },
  is_archived: { ends: true, why: 'the channel is archived' },
  not_in_channel: { ends: false, why: 'the bot is not in the channel: invite it with /invite' },
  token_revoked: { ends: false, why: "the bot's Slack token was revoked: reinstall the app" },
  account_inactive: { ends: false, why: "the bot's Slack account is inactive: reinstall the app" },
  invalid_auth: { ends: false, why: "Slack does not accept the bot's token (SLACK_BOT_TOKEN)" },
  not_authed: { ends: false, why: 'no Slack token was sent (SLACK_BOT_TOKEN)' },
  missing_scope: { ends: false, why: 'the Slack app lacks a permission: reinstall it from the manifest' },
  restricted_action: { ends: false, why: 'posting in that channel is restricted by the workspace' },
  team_access_not_granted: { ends: false, why: 'the app is not installed in that workspace' },
  message_not_found: { ends: false, why: 'the Slack message is gone' },
  cant_update_message: { ends: false, why: 'Slack does not let the bot edit that message' },
  edit_window_closed: { ends: false, why: "the message is past Slack's edit window" },
  msg_too_long: { ends: false, why: 'the message is too long for Slack' },
};

/** Codes meaning the blocks were refused (a bad image URL, too many blocks): resend as plain text. */
export const REFUSED_BLOCKS = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_blocks_too_long']);

/** The Slack error code of a Web API failure, if Slack answered with one. */
export function slackErrorCode(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}

/** Turns any Web API failure into the relay's three kinds, keeping Slack's code as the reason. */
export function toChatSinkError(error: unknown, method: string): ChatSinkError {
  if (error instanceof ChatSinkError) return error;
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new ChatSinkError('rate_limited', 'ratelimited', `Slack rate-limited ${method}`, {
      retryAfterMs: error.retryAfter * 1000,
    });
  }
  const code = slackErrorCode(error);
  if (code !== undefined) {
    const permanent = PERMANENT[code];
    if (permanent) {
      return new ChatSinkError('permanent', code, `Slack refused ${method}: ${permanent.why} (${code})`, {
        endsSubscription: permanent.ends,
      });
    }
    if (code === 'ratelimited') {
      return new ChatSinkError('rate_limited', code, `Slack rate-limited ${method}`, { retryAfterMs: 1000 });
    }
    return new ChatSinkError('transient', code, `Slack failed ${method} (${code})`);
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return new ChatSinkError(
      'transient',
      `http_${error.statusCode}`,
      `Slack answered ${method} with HTTP ${error.statusCode}`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ChatSinkError('transient', 'request_failed', `Could not reach Slack for ${method}: ${message}`);
}
