import {
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { ChatContext } from '../../src/core/chat-context.js';
import type { Core } from '../../src/core/create-core.js';
import type { Logger } from '../../src/log/logger.js';
import { answerInteraction } from './answer-interaction.js';
import { COOP_COMMAND, OPT } from './command-definitions.js';
import { describeError } from './describe-error.js';
import { chatContext } from './discord-context.js';
import { asGuildMember } from './discord-mentions.js';
import { LOGIN_MODAL_ID, loginFields, loginModal } from './login-modal.js';
import { noPings } from './no-pings.js';
import type { RenderStyle } from './render-reply.js';
import { type SlashInput, slashInput } from './slash-input.js';

const STALE_COMMAND =
  'This /coop command does not match the bot: its registration is out of date. ' +
  'Ask whoever runs the bot to run `npm run discord:register`.';

export interface InteractionDeps {
  core: Core;
  logger: Logger;
  deferAfterMs: number;
}

const SLASH: RenderStyle = { commandPrefix: `/${COOP_COMMAND} ` };

function contextOf(interaction: ChatInputCommandInteraction | ModalSubmitInteraction): ChatContext {
  return chatContext({
    guildId: interaction.guildId,
    channelId: interaction.channelId ?? '',
    user: interaction.user,
    member: asGuildMember(interaction.member),
  });
}

async function onSlashCommand(
  interaction: ChatInputCommandInteraction,
  deps: InteractionDeps,
): Promise<void> {
  if (
    interaction.options.getSubcommandGroup(false) === null &&
    interaction.options.getSubcommand() === 'login'
  ) {
    // A modal must be the first response; the core has nothing to add before the form is filled in.
    await interaction.showModal(loginModal(interaction.options.getString(OPT.email) ?? undefined));
    return;
  }
  let input: SlashInput;
  try {
    input = slashInput(interaction);
  } catch (error) {
    // Options that do not match this code: Discord still has an older or newer /coop registered.
    deps.logger.warn({ err: describeError(error) }, 'slash command options do not match /coop');
    await interaction.reply({
      content: STALE_COMMAND,
      flags: MessageFlags.Ephemeral,
      allowedMentions: noPings(),
    });
    return;
  }
  const { text, mentions, predicted } = input;
  const ctx = contextOf(interaction);
  await answerInteraction(interaction, () => deps.core.run(ctx, { text, mentions }), {
    predicted,
    deferAfterMs: deps.deferAfterMs,
    style: SLASH,
    logger: deps.logger,
  });
}

async function onLoginSubmit(interaction: ModalSubmitInteraction, deps: InteractionDeps): Promise<void> {
  const { email, password } = loginFields(interaction);
  const ctx = contextOf(interaction);
  // Checking the password with Co-op can be slow: the answer logic defers when it is.
  await answerInteraction(interaction, () => deps.core.completeLogin(ctx, email, password), {
    predicted: 'private',
    deferAfterMs: deps.deferAfterMs,
    style: SLASH,
    logger: deps.logger,
  });
}

/** `/coop …` slash commands and the login modal's submission; other interactions are not ours. */
export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand() && interaction.commandName === COOP_COMMAND) {
        await onSlashCommand(interaction, deps);
      } else if (interaction.isModalSubmit() && interaction.customId === LOGIN_MODAL_ID) {
        await onLoginSubmit(interaction, deps);
      }
    } catch (error) {
      deps.logger.warn({ err: describeError(error) }, 'could not answer a discord interaction');
    }
  };
}
