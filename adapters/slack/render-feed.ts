import type { FeedPost } from '../../src/relay/chat-sink.js';
import { fallback } from './render-sections.js';
import { richCapacity, statusListBlocks, statusListFallback } from './render-status-list.js';
import { escapeWithin } from './slack-escape.js';
import { type Block, context, LIMITS, mrkdwn, type SlackMessage } from './slack-message.js';

/** Blocks a feed message spends on its header. */
const HEADER_BLOCKS = 1;

/**
 * How many statuses one feed message carries: as many as fit two blocks each (avatar line and text)
 * beside the header, so feed messages always have the full-size layout. 24 with Slack's 50 blocks.
 */
export const FEED_STATUSES_PER_MESSAGE = richCapacity(LIMITS.blocks - HEADER_BLOCKS);

/** A feed message: which group it comes from, then its statuses oldest first. */
export function renderFeedPost(post: FeedPost): SlackMessage {
  const header = context(mrkdwn(`:busts_in_silhouette: *${escapeWithin(post.groupName, 200)}* on Co-op`));
  const blocks: Block[] = [header, ...statusListBlocks(post.statuses, LIMITS.blocks - HEADER_BLOCKS)];
  return { text: fallback(statusListFallback(post.groupName, post.statuses)), blocks };
}
