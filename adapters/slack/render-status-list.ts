import type { StatusMessage } from '../../src/core/status-message.js';
import { statusBlocks, statusLine } from './render-status.js';
import { ELLIPSIS } from './slack-escape.js';
import { type Block, context, LIMITS, mrkdwn } from './slack-message.js';

const MIN_TEXT_PER_STATUS = 200;

/**
 * Statuses as blocks within `maxBlocks`: two blocks each (rich) when they fit, else one each (compact),
 * else as many as fit and a last line saying how many more were left out — never a silent drop.
 * All text shares `LIMITS.statusTextBudget`; a status cut short ends with "…".
 */
export function statusListBlocks(statuses: readonly StatusMessage[], maxBlocks: number): Block[] {
  const n = statuses.length;
  const rich = 2 * n <= maxBlocks;
  const shownCount = rich || n <= maxBlocks ? n : Math.max(0, maxBlocks - 1);
  const shown = statuses.slice(0, shownCount);
  const textLimit = perStatusTextLimit(shownCount);
  const blocks = shown.flatMap((s) => statusBlocks(s, rich ? 'rich' : 'compact', textLimit));
  const left = n - shownCount;
  if (left > 0) blocks.push(context(mrkdwn(moreLine(left))));
  return blocks;
}

/** How many statuses `statusListBlocks` shows in full-size (rich) form within `maxBlocks`. */
export function richCapacity(maxBlocks: number): number {
  return Math.floor(maxBlocks / 2);
}

export function perStatusTextLimit(count: number): number {
  if (count <= 0) return LIMITS.sectionText;
  const share = Math.floor(LIMITS.statusTextBudget / count);
  return Math.min(LIMITS.sectionText, Math.max(MIN_TEXT_PER_STATUS, share));
}

function moreLine(left: number): string {
  return `${ELLIPSIS}and ${left} more ${left === 1 ? 'status' : 'statuses'} not shown (one Slack message holds ${LIMITS.blocks} blocks). Narrow it down with a date, e.g. \`timeline me today\`.`;
}

/** The notification fallback: the title, then one plain line a status (raw: the caller escapes). */
export function statusListFallback(title: string, statuses: readonly StatusMessage[]): string {
  return [title, ...statuses.map(statusLine)].join('\n');
}
