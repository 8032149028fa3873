import { type REST, Routes } from 'discord.js';
import type { Logger } from '../../src/log/logger.js';
import { type ChatSink, ChatSinkError, type FeedPost } from '../../src/relay/chat-sink.js';
import { LIMITS, truncate } from './discord-limits.js';
import { discordNonce } from './discord-nonce.js';
import { fitEmbeds } from './fit-embeds.js';
import { noPingsRaw } from './no-pings.js';
import { isDiscordCode, toSinkError, UNKNOWN_MESSAGE } from './sink-errors.js';
import { statusEmbed } from './status-embed.js';

export interface DiscordSinkOptions {
  /** discord.js's REST client (`client.rest`): it queues per route and waits out 429s. */
  rest: REST;
  logger: Logger;
}

/** A feed post as a message body: one embed per status (at most 10), content only to count the rest. */
function feedBody(post: FeedPost) {
  const { embeds, omitted } = fitEmbeds(post.statuses.map((s) => statusEmbed(s, post.groupName)));
  const content = omitted > 0 ? `…and ${omitted} more new statuses in ${post.groupName} not shown.` : '';
  return { content: truncate(content, LIMITS.content), embeds, allowed_mentions: noPingsRaw() };
}

function messageId(response: unknown, action: string): string {
  const id = (response as { id?: unknown } | null)?.id; // a Discord message object
  if (typeof id === 'string') return id;
  throw new ChatSinkError('transient', 'bad_response', `Discord ${action} answered without a message id.`);
}

async function attempt<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toSinkError(error, action);
  }
}

/**
 * The relay's port to Discord, straight over REST (no cache or gateway needed). Every send carries
 * the outbox nonce with `enforce_nonce`, so a retried send is not posted twice; everything sent
 * carries `allowed_mentions: { parse: [] }`.
 */
export function createDiscordSink({ rest, logger }: DiscordSinkOptions): ChatSink {
  return {
    platform: 'discord',
    maxStatusesPerMessage: LIMITS.embedsPerMessage,
    async send(channel, post, { nonce }) {
      const body = { ...feedBody(post), nonce: discordNonce(nonce), enforce_nonce: true };
      const response = await attempt('send', () =>
        rest.post(Routes.channelMessages(channel.channelId), { body }),
      );
      return messageId(response, 'send');
    },
    async edit(channel, id, post) {
      try {
        await rest.patch(Routes.channelMessage(channel.channelId, id), { body: feedBody(post) });
      } catch (error) {
        // Deleted in Discord (by a moderator): there is nothing left to edit.
        if (isDiscordCode(error, UNKNOWN_MESSAGE)) {
          logger.info({ channel: channel.channelId, messageId: id }, 'feed message to edit is gone');
          return;
        }
        throw toSinkError(error, 'edit');
      }
    },
    async remove(channel, id) {
      try {
        await rest.delete(Routes.channelMessage(channel.channelId, id));
      } catch (error) {
        if (isDiscordCode(error, UNKNOWN_MESSAGE)) return;
        throw toSinkError(error, 'delete');
      }
    },
    async notice(channel, text) {
      const body = { content: truncate(text, LIMITS.content), allowed_mentions: noPingsRaw() };
      await attempt('notice', () => rest.post(Routes.channelMessages(channel.channelId), { body }));
    },
  };
}
