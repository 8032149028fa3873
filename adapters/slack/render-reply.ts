import type { ListItem, Reply } from '../../src/core/reply.js';
import type { StatusMessage } from '../../src/core/status-message.js';
import { escapedLines, fallback, packSections } from './render-sections.js';
import { statusListBlocks, statusListFallback } from './render-status-list.js';
import { escapeWithin } from './slack-escape.js';
import { type Block, LIMITS, type SlackMessage, section } from './slack-message.js';

const TITLE_LIMIT = 300;

/** Renders any core reply as one Slack message: blocks within Slack's limits, and a fallback text. */
export function renderReply(reply: Reply): SlackMessage {
  switch (reply.kind) {
    case 'text':
    case 'login-form':
      return textMessage(reply.text);
    case 'error':
      return errorMessage(reply.message, reply.usage, reply.example);
    case 'list':
      return reply.items.length === 0 ? textMessage(reply.empty) : listMessage(reply.title, reply.items);
    case 'status':
      return statusesMessage(reply.title, [reply.status]);
    case 'statuses':
      return reply.statuses.length === 0
        ? textMessage(reply.empty)
        : statusesMessage(reply.title, reply.statuses);
  }
}

export function textMessage(raw: string): SlackMessage {
  return { text: fallback(raw), blocks: packSections(escapedLines(raw), LIMITS.blocks) };
}

function errorMessage(message: string, usage?: string, example?: string): SlackMessage {
  const lines = [
    `:warning: ${escapeWithin(message, 2000)}`,
    ...(usage ? [`*Usage:* \`${escapeWithin(usage, 400)}\``] : []),
    ...(example ? [`*Example:* \`/coop ${escapeWithin(example, 400)}\``] : []),
  ];
  const plain = [message, ...(usage ? [`Usage: ${usage}`] : []), ...(example ? [`Example: ${example}`] : [])];
  return { text: fallback(plain.join('\n')), blocks: [section(lines.join('\n'))] };
}

function listMessage(title: string, items: readonly ListItem[]): SlackMessage {
  const lines = items.map((item) => {
    const detail = item.detail ? ` — ${escapeWithin(item.detail, 2500)}` : '';
    return `• *${escapeWithin(item.title, 200)}*${detail}`;
  });
  const head = titleBlock(title);
  const plain = [title, ...items.map((i) => `• ${i.title}${i.detail ? ` — ${i.detail}` : ''}`)];
  return { text: fallback(plain.join('\n')), blocks: [head, ...packSections(lines, LIMITS.blocks - 1)] };
}

export function statusesMessage(title: string, statuses: readonly StatusMessage[]): SlackMessage {
  const blocks: Block[] = [titleBlock(title), ...statusListBlocks(statuses, LIMITS.blocks - 1)];
  return { text: fallback(statusListFallback(title, statuses)), blocks };
}

function titleBlock(title: string): Block {
  return section(`*${escapeWithin(title, TITLE_LIMIT)}*`);
}
