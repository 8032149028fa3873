import type { APIEmbed } from 'discord.js';
import type { ListItem, Reply } from '../../src/core/reply.js';
import { LIMITS, truncate } from './discord-limits.js';
import { fitEmbeds } from './fit-embeds.js';
import { statusEmbed } from './status-embed.js';

/** A message body before discord.js sees it; senders add `allowedMentions` (see no-pings.ts). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
}

/** How commands are typed where the reply lands: `!` for prefix commands, `/coop ` for slash commands. */
export interface RenderStyle {
  commandPrefix: string;
}

export const LOGIN_POINTER =
  'Use `/coop login`: it opens a private form for your Co-op email and password, seen only by you.';

const LIST_ITEM_MAX = 300;

function text(value: string): DiscordMessage {
  if (value.length <= LIMITS.content) return { content: value, embeds: [] };
  return { embeds: [{ description: truncate(value, LIMITS.description) }] };
}

function moreLine(count: number): string {
  return `…and ${count} more not shown.`;
}

/** The lines that fit in `max` characters; the rest are counted on a last line, never dropped silently. */
export function joinWithin(lines: readonly string[], max: number): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const left = lines.length - i - 1;
    const reserve = left > 0 ? moreLine(left).length + 1 : 0;
    if (used + line.length + 1 + reserve > max) {
      out.push(moreLine(lines.length - i));
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}

function listLine(item: ListItem): string {
  return truncate(`• ${item.title}${item.detail ? ` — ${item.detail}` : ''}`, LIST_ITEM_MAX);
}

function error(reply: Extract<Reply, { kind: 'error' }>, style: RenderStyle): DiscordMessage {
  const lines = [`✗ ${reply.message}`];
  if (reply.usage) lines.push(`Usage: \`${style.commandPrefix}${reply.usage}\``);
  if (reply.example) lines.push(`Example: \`${style.commandPrefix}${reply.example}\``);
  return { content: truncate(lines.join('\n'), LIMITS.content), embeds: [] };
}

/** A core reply as one Discord message: text as content, statuses as embeds, lists as one embed. */
export function renderReply(reply: Reply, style: RenderStyle): DiscordMessage {
  switch (reply.kind) {
    case 'text':
      return text(reply.text);
    case 'login-form':
      return text(LOGIN_POINTER);
    case 'error':
      return error(reply, style);
    case 'list':
      if (reply.items.length === 0) return text(reply.empty);
      return {
        embeds: [
          {
            title: truncate(reply.title, LIMITS.title),
            description: joinWithin(reply.items.map(listLine), LIMITS.description),
          },
        ],
      };
    case 'status':
      return { content: truncate(reply.title, LIMITS.content), embeds: [statusEmbed(reply.status)] };
    case 'statuses': {
      if (reply.statuses.length === 0) return text(reply.empty);
      const { embeds, omitted } = fitEmbeds(reply.statuses.map((s) => statusEmbed(s)));
      const more = omitted > 0 ? `\n${moreLine(omitted)}` : '';
      return { content: `${truncate(reply.title, LIMITS.content - more.length)}${more}`, embeds };
    }
  }
}
