import { type Message, userMention } from 'discord.js';
import type { Logger } from '../../src/log/logger.js';
import { describeError } from './describe-error.js';
import { noPings } from './no-pings.js';
import { LOGIN_POINTER } from './render-reply.js';

async function tryDelete(message: Message, logger: Logger): Promise<boolean> {
  try {
    await message.delete();
    return true;
  } catch (error) {
    logger.info({ err: describeError(error) }, 'could not delete a typed login');
    return false;
  }
}

function refusal(message: Message, deleted: boolean): string {
  const who = userMention(message.author.id);
  if (deleted) {
    return (
      `🔒 ${who}, I deleted your message: never type a password where others can read it. ` +
      `If it held your password, consider changing it. ${LOGIN_POINTER}`
    );
  }
  const why = message.inGuild()
    ? 'I need the Manage Messages permission here'
    : 'bots cannot delete your messages in a DM';
  return (
    `🔒 ${who}, never type a password where others can read it. I could not delete your message (${why}): ` +
    `please delete it yourself, and if it held your password, consider changing it. ${LOGIN_POINTER}`
  );
}

/**
 * `!coop login …`: refused, never passed to the core, never echoed. With anything after `login` the
 * message is deleted where the bot may (Manage Messages); where it may not, the refusal says so.
 */
export async function refuseLogin(message: Message, withArguments: boolean, logger: Logger): Promise<void> {
  if (!withArguments) {
    await message.reply({ content: `🔒 ${LOGIN_POINTER}`, allowedMentions: noPings() });
    return;
  }
  const deleted = await tryDelete(message, logger);
  // The message may be gone, so this is no reply to it (a reply to a deleted message fails).
  if (message.channel.isSendable()) {
    await message.channel.send({ content: refusal(message, deleted), allowedMentions: noPings() });
  }
}
