import { type APIEmbed, type APIEmbedField, escapeMarkdown } from 'discord.js';
import { formatHours, type StatusKind, type StatusMessage } from '../../src/core/status-message.js';
import { LIMITS, truncate } from './discord-limits.js';

/** One colour per kind of status, so a channel can tell Cobot's notices from people at a glance. */
export const KIND_COLOURS: Readonly<Record<StatusKind, number>> = {
  note: 0x3b82f6,
  time: 0x10b981,
  cobot: 0xf59e0b,
};

const BADGES: Readonly<Record<StatusKind, string>> = {
  note: '📝 Note',
  time: '⏱️ Time entry',
  cobot: '🤖 Cobot',
};

/** Discord accepts only http(s) icons; anything else would fail the whole message. */
function iconUrl(url: string | null): string | undefined {
  return url !== null && /^https?:\/\/\S+$/i.test(url) && url.length <= 2048 ? url : undefined;
}

function timeFields(status: StatusMessage): APIEmbedField[] {
  const time = status.time;
  if (!time) return [];
  const value = (text: string | null) => truncate(inert(text?.trim() || '—'), LIMITS.fieldValue);
  const project = time.client ? `${time.project ?? '—'} (${time.client})` : time.project;
  return [
    {
      name: 'Hours',
      value: `${formatHours(time.hours)}${time.timerRunning ? ' ⏱️ running' : ''}`,
      inline: true,
    },
    { name: 'Project', value: value(project), inline: true },
    { name: 'Task', value: value(time.task), inline: true },
  ];
}

/**
 * Co-op text shown as written: markdown escaped, so a relayed status cannot dress a link as
 * something else (`[docs](https://evil…)`), hide text in spoilers or break the embed's layout.
 */
function inert(text: string): string {
  return escapeMarkdown(text, { maskedLink: true });
}

/**
 * A status as a Discord embed: author and avatar, the text, a DayEntry's hours/project/task, the
 * kind's badge and colour, and the creation time (Discord shows it in each reader's zone). The text
 * is untrusted; embeds never ping, and every message carrying them also sends `allowed_mentions`
 * with `parse: []`.
 */
export function statusEmbed(status: StatusMessage, groupName?: string): APIEmbed {
  const icon = iconUrl(status.author.avatarUrl);
  const where = groupName ? ` · ${groupName}` : '';
  const text = status.text.trim();
  const embed: APIEmbed = {
    author: {
      name: truncate(status.author.name || status.author.email, LIMITS.authorName),
      ...(icon ? { icon_url: icon } : {}),
    },
    color: KIND_COLOURS[status.kind],
    footer: { text: truncate(`${BADGES[status.kind]} #${status.id}${where}`, LIMITS.footer) },
    timestamp: new Date(status.epochMs).toISOString(),
  };
  if (text !== '') embed.description = truncate(inert(text), LIMITS.description);
  const fields = timeFields(status);
  if (fields.length > 0) embed.fields = fields;
  return embed;
}
