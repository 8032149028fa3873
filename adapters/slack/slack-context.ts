import type { ChatContext } from '../../src/core/chat-context.js';
import type { SlackProfile } from './user-directory.js';

/** Who typed a command and where, as Slack names them. */
export interface SlackCaller {
  teamId: string;
  channelId: string;
  userId: string;
  /** Slack's handle (`user_name`), used when the profile has no display name. */
  userName: string;
}

/**
 * The core's view of a Slack caller. Never `private`: even a DM with the bot is a Slack
 * conversation, so a password is only ever accepted through the login modal.
 */
export function slackContext(caller: SlackCaller, profile: SlackProfile | undefined): ChatContext {
  return {
    platform: 'slack',
    workspace: caller.teamId,
    channel: caller.channelId,
    user: {
      id: caller.userId,
      displayName: profile?.displayName || caller.userName || caller.userId,
      ...(profile?.email ? { email: profile.email } : {}),
    },
    private: false,
  };
}
