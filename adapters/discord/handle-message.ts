import type { Message } from 'discord.js';
import type { Core } from '../../src/core/create-core.js';
import type { Logger } from '../../src/log/logger.js';
import { answerMessage } from './answer-message.js';
import { describeError } from './describe-error.js';
import { chatContext } from './discord-context.js';
import { messageMentions } from './discord-mentions.js';
import { loginAttempt, prefixCommandText } from './prefix-command.js';
import { refuseLogin } from './refuse-login.js';

export interface MessageDeps {
  core: Core;
  logger: Logger;
  prefix: string;
}

/** Prefix commands (`!coop …`, `!timeline @ada`) from server channels and DMs. */
export function createMessageHandler(deps: MessageDeps): (message: Message) => Promise<void> {
  const style = { commandPrefix: deps.prefix };
  return async (message) => {
    if (message.author.bot || message.system || message.webhookId !== null) return;
    const text = prefixCommandText(message.content, deps.prefix);
    if (text === undefined) return;
    try {
      const login = loginAttempt(text);
      if (login) {
        await refuseLogin(message, login.withArguments, deps.logger);
        return;
      }
      const ctx = chatContext({
        guildId: message.guildId,
        channelId: message.channelId,
        user: message.author,
        member: message.member,
      });
      const reply = await deps.core.run(ctx, { text, mentions: messageMentions(message) });
      await answerMessage(message, reply, style, deps.logger);
    } catch (error) {
      deps.logger.warn({ err: describeError(error) }, 'could not answer a discord message');
    }
  };
}
