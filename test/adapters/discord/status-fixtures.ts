import type { StatusMessage } from '../../../src/core/status-message.js';
import type { FeedPost } from '../../../src/relay/chat-sink.js';

let nextId = 100;

export function note(text: string, overrides: Partial<StatusMessage> = {}): StatusMessage {
  nextId += 1;
  return {
    key: `Note:${nextId}`,
    kind: 'note',
    id: nextId,
    groupId: 1,
    author: {
      id: 2,
      name: 'Sybil Fawlty',
      email: 'sybil@fawltytowers.com',
      avatarUrl: 'https://www.gravatar.com/avatar/0?d=identicon&s=48',
    },
    createdAt: '2026-12-04T14:05:00Z',
    epochMs: Date.UTC(2026, 11, 4, 14, 5),
    text,
    ...overrides,
  };
}

export function dayEntry(hours: number, text: string, timerRunning = false): StatusMessage {
  return {
    ...note(text),
    key: `DayEntry:${nextId}`,
    kind: 'time',
    time: {
      hours,
      client: 'Fawlty Towers Ltd',
      project: 'Hotel',
      task: 'Maintenance',
      spentAt: '2026-12-04',
      timerRunning,
    },
  };
}

export function post(...statuses: StatusMessage[]): FeedPost {
  return { groupId: 1, groupName: 'Fawlty Towers', statuses };
}

/** Everything Discord could turn into a ping, were it not for `allowed_mentions: { parse: [] }`. */
export const PINGS = '@everyone @here <@123> <@!123> <@&456> hello';
