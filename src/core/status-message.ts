import { formatInstant } from '../coop/instant.js';
import type { Status } from '../coop/types.js';
import { instantInZone, type Zone } from '../coop/zone.js';

/** Cobot is Co-op's robot author: user id 0 (coop-api.md §2.4, §13). */
export const COBOT_USER_ID = 0;

export type StatusKind = 'note' | 'time' | 'cobot';

/**
 * A status as every platform shows it: the neutral model that replies and feeds hand to adapters.
 * Times are already moved into the group's zone so adapters only format.
 */
export interface StatusMessage {
  /** `Note:12` or `DayEntry:12`: ids collide across types, so the type is part of the key. */
  key: string;
  kind: StatusKind;
  id: number;
  groupId: number;
  author: { id: number; name: string; email: string; avatarUrl: string | null };
  /** ISO 8601 in the group's zone, e.g. `2026-12-04T14:05:00Z` in London in winter. */
  createdAt: string;
  epochMs: number;
  text: string;
  time?: {
    hours: number;
    client: string | null;
    project: string | null;
    task: string | null;
    spentAt: string | null;
    timerRunning: boolean;
  };
}

export function isCobot(status: Status): boolean {
  return status.user.id === COBOT_USER_ID;
}

export function toStatusMessage(status: Status, zone: Zone): StatusMessage {
  const created = instantInZone(status.createdAt.epochMs, zone);
  const base = {
    key: `${status.type}:${status.id}`,
    id: status.id,
    groupId: status.groupId,
    author: {
      id: status.user.id,
      name: status.user.name || (isCobot(status) ? 'Cobot' : status.user.email),
      email: status.user.email,
      avatarUrl: status.user.avatarThumbUrl,
    },
    createdAt: formatInstant(created),
    epochMs: status.createdAt.epochMs,
    text: status.text,
  };
  if (status.type === 'DayEntry') {
    return {
      ...base,
      kind: 'time',
      time: {
        hours: status.hours,
        client: status.client,
        project: status.project,
        task: status.task,
        spentAt: status.spentAt,
        timerRunning: status.timerStartedAt !== null,
      },
    };
  }
  return { ...base, kind: isCobot(status) ? 'cobot' : 'note' };
}

/** `1.5` → `1:30`, the way Harvest shows hours. */
export function formatHours(hours: number): string {
  const totalMinutes = Math.round(hours * 60);
  return `${Math.floor(totalMinutes / 60)}:${String(totalMinutes % 60).padStart(2, '0')}`;
}
