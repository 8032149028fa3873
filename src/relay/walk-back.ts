import type { CoopClient } from '../coop/client/coop-client.js';
import type { Status } from '../coop/types.js';
import { addDays, dayInZone, type Zone } from '../coop/zone.js';
import type { SeenStatus } from '../store/store.js';
import { COOP_WINDOW, keyOf } from './status-order.js';

export interface WalkResult {
  /** Every status of the walked days. */
  statuses: Status[];
  /** `YYYYMMDD`, newest first. */
  days: string[];
  /** The newest day the cap left out, when it left any out. */
  cutFrom?: string;
}

/**
 * The undated answer overflowed when it is a full page and holds none of the statuses already
 * seen: more than 50 arrived since the last poll, so the gap must be read day by day.
 */
export function overflowed(answer: readonly Status[], seen: readonly SeenStatus[]): boolean {
  if (seen.length === 0 || answer.length < COOP_WINDOW) return false;
  const seenKeys = new Set(seen.map(keyOf));
  return !answer.some((status) => seenKeys.has(keyOf(status)));
}

/**
 * Reads the date routes from today back to the day of `sinceMs` (both in the group's zone, as
 * Co-op cuts its days), at most `capDays` days.
 */
export async function walkBack(
  client: CoopClient,
  groupId: number,
  zone: Zone,
  range: { nowMs: number; sinceMs: number; capDays: number },
): Promise<WalkResult> {
  const today = dayInZone(range.nowMs, zone);
  const last = dayInZone(Math.min(range.sinceMs, range.nowMs), zone);
  const days: string[] = [];
  for (let day = today; day >= last && days.length < range.capDays; day = addDays(day, -1)) days.push(day);
  const oldestWalked = days[days.length - 1] ?? today;
  const cutFrom = oldestWalked > last ? addDays(oldestWalked, -1) : undefined;
  const statuses: Status[] = [];
  // One day at a time: an overflow is rare, and Co-op asked clients to be gentle (§1.6).
  for (const day of days) {
    const answer = await client.groupStatusesOn(groupId, day);
    if (!answer.notModified) statuses.push(...answer.value);
  }
  return cutFrom === undefined ? { statuses, days } : { statuses, days, cutFrom };
}
