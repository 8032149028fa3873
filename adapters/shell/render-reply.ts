import type { Reply } from '../../src/core/reply.js';
import { formatHours, type StatusMessage } from '../../src/core/status-message.js';

/** Terminal rendering: plain text, one status per block, times as the group's zone shows them. */
export function renderReply(reply: Reply): string {
  switch (reply.kind) {
    case 'text':
    case 'login-form':
      return reply.text;
    case 'error':
      return [
        `✗ ${reply.message}`,
        ...(reply.usage ? [`  Usage:   ${reply.usage}`] : []),
        ...(reply.example ? [`  Example: ${reply.example}`] : []),
      ].join('\n');
    case 'list':
      if (reply.items.length === 0) return reply.empty;
      return [
        reply.title,
        ...reply.items.map((i) => `  • ${i.title}${i.detail ? ` — ${i.detail}` : ''}`),
      ].join('\n');
    case 'status':
      return [reply.title, renderStatus(reply.status)].join('\n');
    case 'statuses':
      if (reply.statuses.length === 0) return reply.empty;
      return [reply.title, ...reply.statuses.map(renderStatus)].join('\n');
  }
}

/** `2026-12-04T14:05:00Z` → `Fri 4 Dec 14:05` (the wall-clock part, already in the group's zone). */
export function localTime(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, y, mo, d, h, mi] = match;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const weekday = day.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  const month = day.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${weekday} ${Number(d)} ${month} ${h}:${mi}`;
}

function kindLabel(status: StatusMessage): string {
  if (status.kind === 'cobot') return '[Cobot]';
  if (status.kind === 'time' && status.time) {
    const where = [status.time.project, status.time.task].filter(Boolean).join(' / ');
    const timer = status.time.timerRunning ? ', timer running' : '';
    return `[Time ${formatHours(status.time.hours)}${where ? ` ${where}` : ''}${timer}]`;
  }
  return '[Note]';
}

/** Control characters from relayed text could move the cursor or clear the screen: show them inert. */
function inert(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}

export function renderStatus(status: StatusMessage): string {
  const head = `  ${localTime(status.createdAt)}  ${inert(status.author.name)} ${kindLabel(status)} #${status.id}`;
  const body = inert(status.text)
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
  return `${head}\n${body}`;
}
