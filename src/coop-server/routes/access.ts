import type { Zone } from '../../coop/zone.js';
import { notFound } from '../http-error.js';
import { zoneOf } from '../present.js';
import type { GroupRow } from '../repositories/groups-repository.js';
import type { MembershipRow } from '../repositories/memberships-repository.js';
import type { UserRow } from '../repositories/users-repository.js';
import type { ServerContext } from './route-kit.js';

/** A numeric id from the path; anything else names nothing, hence 404. */
export function pathId(text: string | undefined): number {
  if (!text || !/^\d{1,15}$/.test(text)) throw notFound();
  return Number(text);
}

export interface GroupAccess {
  group: GroupRow;
  membership: MembershipRow;
  zone: Zone;
}

/** The group, if the user belongs to it; otherwise it does not exist for them (§1.3). */
export function requireMembership(
  context: ServerContext,
  user: UserRow,
  groupIdText: string | undefined,
): GroupAccess {
  const groupId = pathId(groupIdText);
  const membership = context.db.memberships.find(user.id, groupId);
  const group = membership && context.db.groups.byId(groupId);
  if (!membership || !group) throw notFound();
  return { group, membership, zone: zoneOf(group.timezone) };
}

/**
 * A `YYYYMMDD` day (§2.3), also accepting `YYYY-MM-DD` as one real client sent it. Returns the
 * `YYYYMMDD` form, or undefined for anything that is not a real calendar day.
 */
export function parseDay(text: string | undefined): string | undefined {
  const compact = text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text.replaceAll('-', '') : text;
  if (!compact || !/^\d{8}$/.test(compact)) return undefined;
  const [y, m, d] = [compact.slice(0, 4), compact.slice(4, 6), compact.slice(6, 8)].map(Number) as [
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real ? compact : undefined;
}
