import { CoopError } from '../coop-error.js';

/**
 * Path segments are built only from validated numbers and dates, never from raw user text
 * (which could smuggle `../` or a query). Bad input is refused before any request is made.
 */
function invalid(message: string): CoopError {
  return new CoopError('bad_request', message);
}

/** A positive integer id (§2.4) as a path segment. */
export function idSegment(value: number, what: string): string {
  if (!Number.isSafeInteger(value) || value <= 0) throw invalid(`Invalid ${what}: ${String(value)}`);
  return String(value);
}

/** Whose statuses: a user id, or Cobot as `'cobot'` or `0` (§2.4, §4). */
export type UserRef = number | 'cobot';

export function userSegment(user: UserRef): string {
  if (user === 'cobot' || user === 0) return String(user);
  return idSegment(user, 'user id');
}

const DATE = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/**
 * A calendar day for the date routes, given as `YYYYMMDD` or `YYYY-MM-DD`, sent as `YYYYMMDD`
 * (what the docs ask for, §2.3). Rejects impossible days such as 20120230.
 */
export function dateSegment(day: string): string {
  const m = DATE.exec(day.trim());
  if (m) {
    const [, y, mo, d] = m.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) {
      return `${m[1]}${m[2]}${m[3]}`;
    }
  }
  throw invalid(`Invalid date "${day.slice(0, 20)}": use YYYYMMDD`);
}

/** A Cobot key travels in a query string or body, never in a path; an empty one is a setup mistake. */
export function checkKey(key: string): string {
  if (key.trim() === '') throw invalid('The Cobot key is empty: copy it from the group settings');
  return key;
}
