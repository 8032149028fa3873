/**
 * A point in time as Co-op wrote it: the instant plus the UTC offset it was shown in.
 * Co-op renders times in the group's zone, UTC, or the user's zone (coop-api.md §2.3), so the
 * offset is kept rather than thrown away: it is what a reader of that page saw.
 */
export interface Instant {
  /** Milliseconds since the Unix epoch. */
  readonly epochMs: number;
  /** Offset from UTC in minutes, e.g. -300 for -05:00. */
  readonly offsetMinutes: number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const RAILS2 = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4})$/;

function offsetToMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function build(parts: string[], offset: string): Instant | undefined {
  const [y, mo, d, h, mi, s = '0', frac = '0'] = parts;
  const offsetMinutes = offsetToMinutes(offset);
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(utc)) return undefined;
  return { epochMs: utc - offsetMinutes * 60_000, offsetMinutes };
}

/**
 * Parses the three timestamp forms Co-op used: `2012-03-02T22:51:00-05:00`, `2009-07-07T08:27:57Z`
 * and the Rails 2 JSON form `2008/11/19 20:19:45 +0000`. Returns undefined for anything else.
 */
export function parseInstant(text: string): Instant | undefined {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return build(iso.slice(1, 8) as string[], iso[8] as string);
  const rails = RAILS2.exec(value);
  if (rails) return build(rails.slice(1, 7) as string[], rails[7] as string);
  return undefined;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** ISO 8601 with the instant's own offset, as Rails 3 wrote it: `2012-03-02T22:51:00-05:00` (or `Z`). */
export function formatInstant(instant: Instant): string {
  const local = new Date(instant.epochMs + instant.offsetMinutes * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const off = instant.offsetMinutes;
  const zone = off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
  return `${date}T${time}${zone}`;
}

export function instantFromDate(date: Date, offsetMinutes = 0): Instant {
  return { epochMs: date.getTime(), offsetMinutes };
}
