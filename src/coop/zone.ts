import railsTimezone from 'rails-timezone';
import type { Instant } from './instant.js';

/**
 * A group's time zone. Co-op stores Rails zone names ("London", "Eastern Time (US & Canada)");
 * dates for the `/groups/:id/YYYYMMDD` routes and local times are computed in the IANA zone
 * they stand for. An unknown name falls back to UTC (`known: false`) so callers can warn once.
 */
export interface Zone {
  readonly railsName: string;
  readonly iana: string;
  readonly known: boolean;
}

function isValidIana(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function zoneFromRails(railsName: string): Zone {
  const mapped = railsTimezone.from(railsName);
  if (mapped && isValidIana(mapped)) return { railsName, iana: mapped, known: true };
  // Some servers already send IANA ids; accept them as they are.
  if (railsName.includes('/') && isValidIana(railsName)) return { railsName, iana: railsName, known: true };
  return { railsName, iana: 'UTC', known: false };
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(iana: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(iana);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(iana, formatter);
  }
  return formatter;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(epochMs: number, iana: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(iana).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function computeOffsetMinutes(epochMs: number, iana: string): number {
  const p = localParts(epochMs, iana);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * Zone transitions fall on quarter hours, so an offset holds for a whole quarter-hour bucket.
 * Caching per bucket matters: Intl's formatToParts was the server's largest cost per request.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 50_000;

/** The zone's UTC offset in minutes at that instant (DST included). */
export function offsetMinutesAt(epochMs: number, zone: Zone): number {
  const key = `${zone.iana}|${Math.floor(epochMs / QUARTER_HOUR_MS)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = computeOffsetMinutes(epochMs, zone.iana);
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** The instant as shown in the zone. */
export function instantInZone(epochMs: number, zone: Zone): Instant {
  return { epochMs, offsetMinutes: offsetMinutesAt(epochMs, zone) };
}

/** The calendar day of an instant in the zone, as `YYYYMMDD` (the date routes' form, §2.3). */
export function dayInZone(epochMs: number, zone: Zone): string {
  const local = new Date(epochMs + offsetMinutesAt(epochMs, zone) * 60_000);
  const month = String(local.getUTCMonth() + 1).padStart(2, '0');
  return `${local.getUTCFullYear()}${month}${String(local.getUTCDate()).padStart(2, '0')}`;
}

/** The instants [start, end) of a `YYYYMMDD` day in the zone. */
export function dayBounds(day: string, zone: Zone): { startMs: number; endMs: number } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(4, 6));
  const d = Number(day.slice(6, 8));
  const startMs = localMidnight(y, m, d, zone);
  const endMs = localMidnight(y, m, d + 1, zone);
  return { startMs, endMs };
}

function localMidnight(y: number, m: number, d: number, zone: Zone): number {
  const guess = Date.UTC(y, m - 1, d);
  // Two passes settle the offset even when midnight sits next to a DST change.
  let epoch = guess - offsetMinutesAt(guess, zone) * 60_000;
  epoch = guess - offsetMinutesAt(epoch, zone) * 60_000;
  return epoch;
}

/** Adds whole days to a `YYYYMMDD` date. */
export function addDays(day: string, delta: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)) + delta);
  const date = new Date(t);
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
}
