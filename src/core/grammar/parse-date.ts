import type { DateArg } from './command.js';
import { fail, ok, type Parsed, shown } from './parsed.js';

/**
 * Dates as typed: `YYYYMMDD`, `YYYY-MM-DD`, `today`, `yesterday`. Days are checked against the Gregorian
 * calendar here; turning `today` into a day needs the group's time zone, which is the core's business.
 */

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DASHED = /^(\d{4})-(\d{2})-(\d{2})$/;
// Co-op's statuses start in 2008; a year before 1970 is a typo, not a request.
const MIN_YEAR = 1970;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const DATE_FORMATS = 'YYYYMMDD, YYYY-MM-DD, today or yesterday';

/** Whether a word is meant as a date (and so should be reported as a bad date rather than as something else). */
export function looksLikeDate(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === 'today' || lower === 'yesterday' || (/^[\d-]+$/.test(word) && /\d/.test(word));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseDate(word: string): Parsed<DateArg> {
  const lower = word.toLowerCase();
  if (lower === 'today') return ok({ kind: 'today' });
  if (lower === 'yesterday') return ok({ kind: 'yesterday' });
  const match = COMPACT.exec(word) ?? DASHED.exec(word);
  if (!match) return fail(`${shown(word)} isn't a date. Write ${DATE_FORMATS}.`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR) return fail(`${shown(word)} is before ${MIN_YEAR}; check the year.`);
  if (month < 1 || month > 12)
    return fail(`${shown(word)} isn't on the calendar: there is no month ${month}.`);
  const monthDays = daysInMonth(year, month);
  if (day < 1 || day > monthDays) {
    return fail(`${shown(word)} isn't on the calendar: ${MONTHS[month - 1]} ${year} has ${monthDays} days.`);
  }
  return ok({ kind: 'day', ymd: `${match[1]}${match[2]}${match[3]}` });
}
