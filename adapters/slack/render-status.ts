import type { types } from '@slack/bolt';
import { formatHours, type StatusMessage } from '../../src/core/status-message.js';
import { escapeWithin, plainWithin } from './slack-escape.js';
import { type Block, context, LIMITS, mrkdwn } from './slack-message.js';

/**
 * `rich`: a context line (avatar, author, time, badge) above a section with the text — two blocks.
 * `compact`: one section, the avatar as its accessory — for lists too long for two blocks each.
 */
export type StatusLayout = 'rich' | 'compact';

const NAME_LIMIT = 80;
const EMPTY_TEXT = '_(no text)_';

/** The blocks of one status; its text is cut visibly to `textLimit` characters. */
export function statusBlocks(status: StatusMessage, layout: StatusLayout, textLimit: number): Block[] {
  const image = avatarOf(status);
  if (layout === 'rich') {
    return [
      context(...(image ? [image] : []), mrkdwn(headline(status))),
      { type: 'section', text: mrkdwn(body(status, Math.min(textLimit, LIMITS.sectionText))) },
    ];
  }
  const head = headline(status);
  const text = `${head}\n${body(status, Math.min(textLimit, LIMITS.sectionText - head.length - 1))}`;
  return [{ type: 'section', text: mrkdwn(text), ...(image ? { accessory: image } : {}) }];
}

/** One status as a plain line for the notification fallback. */
export function statusLine(status: StatusMessage): string {
  const hours = status.time ? `[${formatHours(status.time.hours)}] ` : '';
  const name = status.kind === 'cobot' ? `Cobot` : status.author.name;
  return `${name}: ${hours}${status.text}`;
}

/** `*Basil Fawlty* · <date> · Note #12` */
export function headline(status: StatusMessage): string {
  const name = escapeWithin(status.author.name || status.author.email, NAME_LIMIT);
  return `*${name}* · ${slackDate(status)} · ${badge(status)}`;
}

function badge(status: StatusMessage): string {
  if (status.kind === 'cobot') return `:robot_face: *Cobot* #${status.id}`;
  if (status.kind === 'time') return `:stopwatch: Time #${status.id}`;
  return `Note #${status.id}`;
}

/**
 * Slack shows a date token in each reader's own zone; the fallback (clients that cannot) is the
 * wall-clock time in the group's zone, as the core computed it.
 */
export function slackDate(status: StatusMessage): string {
  const seconds = Math.floor(status.epochMs / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${fallbackTime(status.createdAt)}>`;
}

/** `2026-12-04T14:05:00Z` → `2026-12-04 14:05` (no `|` or `>`, which would end the token). */
function fallbackTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : 'a while ago';
}

function body(status: StatusMessage, limit: number): string {
  const lead = timeLead(status);
  const room = Math.max(1, limit - lead.length);
  const text = status.text.trim() === '' ? EMPTY_TEXT : escapeWithin(status.text, room);
  return `${lead}${text}`;
}

/** `*1:30* Website › Development (timer running)` and a newline, for DayEntries. */
function timeLead(status: StatusMessage): string {
  const time = status.time;
  if (!time) return '';
  const where = [time.project, time.task].filter((part): part is string => Boolean(part));
  const place = where.length > 0 ? ` ${escapeWithin(where.join(' › '), 200)}` : '';
  const timer = time.timerRunning ? ' _(timer running)_' : '';
  return `*${formatHours(time.hours)}*${place}${timer}\n`;
}

/** Only http(s) URLs: anything else would make Slack refuse the whole message. */
function avatarOf(status: StatusMessage): types.ImageElement | undefined {
  const url = status.author.avatarUrl;
  if (!url || !/^https?:\/\//i.test(url) || url.length > 3000) return undefined;
  return { type: 'image', image_url: url, alt_text: plainWithin(status.author.name || 'avatar', NAME_LIMIT) };
}
