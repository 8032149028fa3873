import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log/logger.js';
import type { ChatSink, FeedPost } from '../../src/relay/chat-sink.js';
import { ChatSinkError } from '../../src/relay/chat-sink.js';
import type { ChannelRef } from '../../src/store/store.js';
import { FEED_STATUSES_PER_MESSAGE, renderFeedPost } from './render-feed.js';
import { fallback } from './render-sections.js';
import { REFUSED_BLOCKS, slackErrorCode, toChatSinkError } from './sink-errors.js';
import type { SlackMessage } from './slack-message.js';

/** The `metadata.event_type` of feed messages; `findSent` looks for it in the channel's history. */
export const FEED_EVENT_TYPE = 'coop_status';

/** How far back `findSent` looks: a crash leaves at most a few messages after the one in doubt. */
const HISTORY_LIMIT = 100;

/** Errors meaning "cannot read this channel's history": the answer is "unknown", not a failure. */
const HISTORY_UNREADABLE = new Set(['missing_scope', 'not_in_channel']);

/**
 * The relay's port to Slack. `client` must reject rate-limited calls (`rejectRateLimitedCalls: true`)
 * and not retry: the relay owns waiting and retrying, and a blind resend could post twice.
 */
export function createSlackSink(client: webApi.WebClient, logger: Logger): ChatSink {
  const call = async <T>(method: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const failure = toChatSinkError(error, method);
      logger.warn({ method, kind: failure.kind, reason: failure.reason }, 'slack sink call failed');
      throw failure;
    }
  };
  /** Blocks refused (an avatar Slack cannot fetch, say): the same message again as plain text. */
  const withTextFallback = async <T>(send: (m: SlackMessage) => Promise<T>, message: SlackMessage) => {
    try {
      return await send(message);
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === undefined || !REFUSED_BLOCKS.has(code)) throw error;
      logger.warn({ reason: code }, 'slack refused the blocks; sending plain text');
      return send({ text: message.text, blocks: [] });
    }
  };

  return {
    platform: 'slack',
    maxStatusesPerMessage: FEED_STATUSES_PER_MESSAGE,

    send(channel, post, { nonce }) {
      const metadata = {
        event_type: FEED_EVENT_TYPE,
        event_payload: { nonce, keys: post.statuses.map((s) => s.key).join(' ') },
      };
      return call('chat.postMessage', async () => {
        const result = await withTextFallback(
          (m) =>
            client.chat.postMessage({
              channel: channel.channelId,
              ...textOrBlocks(m),
              ...NO_UNFURL,
              metadata,
            }),
          renderFeedPost(post),
        );
        if (!result.ts)
          throw new ChatSinkError('transient', 'no_ts', 'Slack did not say which message it posted');
        return result.ts;
      });
    },

    async edit(channel, messageId, post: FeedPost) {
      await call('chat.update', () =>
        withTextFallback(
          (m) => client.chat.update({ channel: channel.channelId, ts: messageId, ...m }),
          renderFeedPost(post),
        ),
      );
    },

    async remove(channel, messageId) {
      await call('chat.delete', async () => {
        try {
          await client.chat.delete({ channel: channel.channelId, ts: messageId });
        } catch (error) {
          // Already gone (someone deleted it in Slack): what the relay wanted.
          if (slackErrorCode(error) !== 'message_not_found') throw error;
        }
      });
    },

    async notice(channel, text) {
      await call('chat.postMessage', () =>
        client.chat.postMessage({ channel: channel.channelId, text: fallback(text), ...NO_UNFURL }),
      );
    },

    findSent(channel, nonce) {
      return call('conversations.history', () => findByNonce(client, channel, nonce));
    },
  };
}

const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** A new message with no blocks sends `text` alone (an empty `blocks` list is not a message). */
function textOrBlocks(m: SlackMessage): SlackMessage | { text: string } {
  return m.blocks.length > 0 ? m : { text: m.text };
}

async function findByNonce(
  client: webApi.WebClient,
  channel: ChannelRef,
  nonce: string,
): Promise<string | undefined> {
  let history: webApi.ConversationsHistoryResponse;
  try {
    history = await client.conversations.history({
      channel: channel.channelId,
      limit: HISTORY_LIMIT,
      include_all_metadata: true,
    });
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined && HISTORY_UNREADABLE.has(code)) return undefined;
    throw error;
  }
  const match = (history.messages ?? []).find((m) => {
    if (m.metadata?.event_type !== FEED_EVENT_TYPE) return false;
    // The SDK types event_payload as `{}`; ours is the object `send` wrote.
    const payload = m.metadata.event_payload as Record<string, unknown> | undefined;
    return payload?.nonce === nonce;
  });
  return match?.ts;
}
