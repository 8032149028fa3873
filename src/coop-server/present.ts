import textile from 'textile-js';
import { instantFromDate } from '../coop/instant.js';
import type { Author, Group, HarvestCredential, Member, Status, User } from '../coop/types.js';
import { instantInZone, type Zone, zoneFromRails } from '../coop/zone.js';
import { findCatalogEntry } from './harvest-catalog.js';
import type { GroupRow } from './repositories/groups-repository.js';
import type { HarvestCredentialRow } from './repositories/harvest-credentials-repository.js';
import type { StatusRow } from './repositories/status-row.js';
import type { UserRow } from './repositories/users-repository.js';

/** Database rows → the wire types of src/coop, times shown in the zone the route calls for (§2.3). */

const zones = new Map<string, Zone>();

export function zoneOf(timezone: string): Zone {
  let zone = zones.get(timezone);
  if (!zone) {
    zone = zoneFromRails(timezone);
    zones.set(timezone, zone);
  }
  return zone;
}

const utc = (epochMs: number) => instantFromDate(new Date(epochMs));

/** `20120303` → `2012-03-03`, the form of a DayEntry's `spent_at`. */
export function isoDay(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

function fullName(first: string, last: string): string {
  return `${first} ${last}`.trim();
}

function authorOf(row: StatusRow): Author {
  return {
    id: row.userId,
    name: fullName(row.authorFirstName, row.authorLastName),
    email: row.authorEmail,
    avatarThumbUrl: row.authorAvatarUrl,
  };
}

export function presentStatus(row: StatusRow, zone: Zone): Status {
  const base = {
    id: row.id,
    text: row.text,
    groupId: row.groupId,
    createdAt: instantInZone(row.createdAt, zone),
    updatedAt: instantInZone(row.updatedAt, zone),
    user: authorOf(row),
  };
  if (row.type === 'Note') return { ...base, type: 'Note' };
  const catalog = findCatalogEntry(row.projectId ?? -1, row.taskId ?? -1);
  return {
    ...base,
    type: 'DayEntry',
    hours: row.hours ?? 0,
    client: catalog?.project.client ?? null,
    project: catalog?.project.name ?? null,
    task: catalog?.task.name ?? null,
    spentAt: row.spentAt,
    timerStartedAt: row.timerStartedAt === null ? null : instantInZone(row.timerStartedAt, zone),
  };
}

/** `GET /groups` in UTC. Only leaders see the feed key: it lets anyone post as Cobot. */
export function presentGroup(row: GroupRow, isLeader: boolean): Group {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    createdAt: utc(row.createdAt),
    updatedAt: utc(row.updatedAt),
    feedKey: isLeader ? row.feedKey : null,
    membershipsCount: row.membershipsCount,
  };
}

export function presentMember(row: UserRow, zone: Zone): Member {
  return {
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    avatarThumbUrl: row.avatarUrl,
    updatedAt: instantInZone(row.updatedAt, zone),
    city: row.city,
  };
}

/** `GET /users/:id`: no group is in scope, so UTC. */
export function presentUser(row: UserRow, hasHarvestCredential: boolean): User {
  return {
    ...presentMember(row, zoneOf('UTC')),
    hasHarvestCredential,
    createdAt: utc(row.createdAt),
  };
}

export function presentHarvestCredential(row: HarvestCredentialRow): HarvestCredential {
  return {
    id: row.id,
    email: row.email,
    subdomain: row.subdomain,
    userId: row.userId,
    createdAt: utc(row.createdAt),
    updatedAt: utc(row.updatedAt),
  };
}

/**
 * Agenda text rendered as Co-op did, with Textile (§3.6). Raw HTML in the text is escaped first, like
 * RedCloth's :filter_html, and script URLs are defused, so an agenda cannot smuggle code into a page.
 */
export function renderAgendaHtml(agenda: string): string {
  const html = textile(agenda.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  return html.replace(/\b(href|src)="\s*(?:javascript|vbscript|data):[^"]*"/gi, '$1="#"');
}
