import {
  type APIEmbed,
  MessageFlags,
  type MessageMentionOptions,
  type RepliableInteraction,
} from 'discord.js';
import { errorReply, type Reply, type Visibility } from '../../src/core/reply.js';
import type { Logger } from '../../src/log/logger.js';
import { describeError } from './describe-error.js';
import { noPings } from './no-pings.js';
import { type RenderStyle, renderReply } from './render-reply.js';

export interface AnswerOptions {
  /** Where the answer probably goes; a deferred answer is private or public from the start. */
  predicted: Visibility;
  /**
   * Discord wants a first response within 3 s. An answer ready within this many ms is sent as is;
   * otherwise the interaction is deferred ("thinking…") and the answer edited in when ready.
   */
  deferAfterMs: number;
  style: RenderStyle;
  logger: Logger;
}

/** Fits `reply`, `editReply` and `followUp` alike. */
interface Answer {
  content: string;
  embeds: APIEmbed[];
  allowedMentions: MessageMentionOptions;
}

function body(reply: Reply, style: RenderStyle): Answer {
  const { content, embeds } = renderReply(reply, style);
  return { content: content ?? '', embeds, allowedMentions: noPings() };
}

function ephemeral(visibility: Visibility): { flags?: MessageFlags.Ephemeral } {
  return visibility === 'private' ? { flags: MessageFlags.Ephemeral } : {};
}

/** The value of `promise` if it settles within `ms`, else undefined (it keeps running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The core never throws; this keeps a bug in rendering or wiring from leaving "thinking…" forever. */
async function safely(work: () => Promise<Reply>, logger: Logger): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    logger.error({ err: describeError(error) }, 'discord command failed');
    return errorReply('internal', 'Something went wrong on my side; the error is logged.');
  }
}

/**
 * Answers a slash command or modal: at once when the core is quick, else deferred then edited. A
 * deferred answer whose visibility turns out different is moved: a public answer behind a private
 * placeholder becomes a follow-up in the channel; a private answer never replaces a public
 * placeholder (that is deleted, and the answer follows ephemerally).
 */
export async function answerInteraction(
  interaction: RepliableInteraction,
  work: () => Promise<Reply>,
  options: AnswerOptions,
): Promise<void> {
  const pending = safely(work, options.logger);
  const early = await within(pending, options.deferAfterMs);
  if (early) {
    await interaction.reply({ ...body(early.value, options.style), ...ephemeral(early.value.visibility) });
    return;
  }
  await interaction.deferReply(ephemeral(options.predicted));
  const reply = await pending;
  const answer = body(reply, options.style);
  if (reply.visibility === options.predicted) {
    await interaction.editReply(answer);
  } else if (reply.visibility === 'channel') {
    await interaction.editReply({
      content: 'Done: the answer is in the channel.',
      allowedMentions: noPings(),
    });
    await interaction.followUp(answer);
  } else {
    await interaction.deleteReply();
    await interaction.followUp({ ...answer, flags: MessageFlags.Ephemeral });
  }
}
