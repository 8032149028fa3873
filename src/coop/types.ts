import type { Instant } from './instant.js';

/** The author block embedded in a status (coop-api.md §3.2). Cobot is id 0. */
export interface Author {
  id: number;
  name: string;
  email: string;
  avatarThumbUrl: string | null;
}

interface StatusBase {
  /** Unique only within `type`: Note and DayEntry ids come from separate sequences (§2.4). */
  id: number;
  text: string;
  groupId: number;
  createdAt: Instant;
  /** Absent on some DayEntries (§3.1). */
  updatedAt: Instant | null;
  user: Author;
}

export interface Note extends StatusBase {
  type: 'Note';
}

/** A Harvest time entry shown as a status (§3.3). */
export interface DayEntry extends StatusBase {
  type: 'DayEntry';
  hours: number;
  client: string | null;
  project: string | null;
  task: string | null;
  /** The calendar day the time counts for, `YYYY-MM-DD`. */
  spentAt: string | null;
  /** Non-null while the timer runs. */
  timerStartedAt: Instant | null;
}

export type Status = Note | DayEntry;
export type StatusType = Status['type'];

/** (type, id): the identity of a status. */
export interface StatusKey {
  type: StatusType;
  id: number;
}

export function statusKey(status: Status): string {
  return `${status.type}:${status.id}`;
}

export interface Group {
  id: number;
  name: string;
  /** A Rails zone name such as "London" or "Eastern Time (US & Canada)", not an IANA id. */
  timezone: string;
  createdAt: Instant | null;
  updatedAt: Instant | null;
  /** The group's RSS / Cobot secret; only some servers show it. */
  feedKey: string | null;
  membershipsCount: number | null;
}

/** An item of `GET /groups/:id/users` (§3.5). */
export interface Member {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  avatarThumbUrl: string | null;
  updatedAt: Instant | null;
  city: string | null;
}

/** `GET /users/:id`, the caller's own record (§3.5). */
export interface User extends Member {
  hasHarvestCredential: boolean;
  createdAt: Instant | null;
}

/** `GET /groups/:id/agenda` (§3.6). */
export interface GroupAgenda {
  groupId: number;
  agenda: string;
  agendaHtml: string;
}

/** One item of `GET /groups/:id/user_agendas`, or `GET /groups/:id/my_agenda` (§3.6, §7). */
export interface UserAgenda {
  userId: number;
  agenda: string;
  agendaHtml: string;
}

/** `GET /users/:id/harvest_credential` (§3.7). The password is write-only. */
export interface HarvestCredential {
  id: number;
  email: string;
  subdomain: string;
  userId: number;
  createdAt: Instant | null;
  updatedAt: Instant | null;
}

/** What a client sends to create or update a DayEntry (§6). */
export interface DayEntryInput {
  text: string;
  hours: number;
  projectId: number;
  taskId: number;
}

export interface HarvestCredentialInput {
  subdomain: string;
  email: string;
  password: string;
}

export type WireFormat = 'json' | 'xml';
