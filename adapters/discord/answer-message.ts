import type { Message } from 'discord.js';
import type { Reply } from '../../src/core/reply.js';
import type { Logger } from '../../src/log/logger.js';
import { describeError } from './describe-error.js';
import { noPings } from './no-pings.js';
import { type DiscordMessage, type RenderStyle, renderReply } from './render-reply.js';

/** The reaction that tells the channel "answered in your DMs". */
export const DM_SENT_REACTION = '📬';

export const DM_CLOSED =
  'I answer that privately, in a direct message, but I could not send you one (are DMs from server ' +
  'members turned off?). Use `/coop …` instead: its private answers are visible only to you.';

async function answerInDm(message: Message, body: DiscordMessage, logger: Logger): Promise<void> {
  try {
    await message.author.send({ ...body, allowedMentions: noPings() });
  } catch (error) {
    logger.info({ err: describeError(error) }, 'could not DM a private answer');
    await message.reply({ content: DM_CLOSED, allowedMentions: noPings() });
    return;
  }
  await message.react(DM_SENT_REACTION).catch((error: unknown) => {
    logger.debug({ err: describeError(error) }, 'could not react to a command message');
  });
}

/**
 * Answers a prefix command. Discord has no ephemeral messages outside interactions, so a private
 * answer to a command typed in a server goes to the author's DMs (the command gets a 📬 reaction);
 * channel answers, and every answer in a DM, are replies that ping nobody, not even the author.
 */
export async function answerMessage(
  message: Message,
  reply: Reply,
  style: RenderStyle,
  logger: Logger,
): Promise<void> {
  const body = renderReply(reply, style);
  if (reply.visibility === 'private' && message.inGuild()) {
    await answerInDm(message, body, logger);
    return;
  }
  await message.reply({ ...body, allowedMentions: noPings() });
}
