import { type Instant, parseInstant } from '../instant.js';
import { WireError } from './wire-error.js';

/** A record as read from either format: keys as sent, values as parsed (XML leaves are strings). */
export type WireRecord = Readonly<Record<string, unknown>>;

export function isWireRecord(value: unknown): value is WireRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asWireRecord(value: unknown, what: string): WireRecord {
  if (isWireRecord(value)) return value;
  throw new WireError(`expected ${what} to be a record, found ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value;
}

/** The raw value of a field, accepting `group_id` and `group-id` alike; undefined when absent. */
export function fieldValue(record: WireRecord, key: string): unknown {
  if (Object.hasOwn(record, key)) return record[key];
  const dashed = key.replaceAll('_', '-');
  return Object.hasOwn(record, dashed) ? record[dashed] : undefined;
}

/** Absent, null, or text that is blank once trimmed: all read as "no value". */
function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function toNumber(value: unknown, key: string, pattern: RegExp, kind: string): number {
  const n = typeof value === 'string' && pattern.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof n === 'number' && Number.isFinite(n) && (kind !== 'integer' || Number.isSafeInteger(n))) {
    return n;
  }
  throw new WireError(`${key} is not ${kind === 'integer' ? 'an integer' : 'a number'}: ${describe(value)}`);
}

export function optionalInteger(record: WireRecord, key: string): number | null {
  const value = fieldValue(record, key);
  return blank(value) ? null : toNumber(value, key, INTEGER, 'integer');
}

export function requiredInteger(record: WireRecord, key: string): number {
  const n = optionalInteger(record, key);
  if (n === null) throw new WireError(`${key} is missing`);
  return n;
}

export function optionalFloat(record: WireRecord, key: string): number | null {
  const value = fieldValue(record, key);
  return blank(value) ? null : toNumber(value, key, DECIMAL, 'float');
}

const TRUE = new Set(['true', '1', 't', 'yes']);
const FALSE = new Set(['false', '0', 'f', 'no']);

export function booleanField(record: WireRecord, key: string, fallback: boolean): boolean {
  const value = fieldValue(record, key);
  if (blank(value)) return fallback;
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  throw new WireError(`${key} is not a boolean: ${describe(value)}`);
}

function scalarText(value: unknown, key: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new WireError(`${key} is not text: ${describe(value)}`);
}

/**
 * Free text (status text, agenda, agenda HTML) exactly as sent, untrimmed, so it round-trips;
 * absent or null reads as ''.
 */
export function freeText(record: WireRecord, key: string): string {
  const value = fieldValue(record, key);
  return value === undefined || value === null ? '' : scalarText(value, key);
}

/**
 * A name, email, URL or key, trimmed: the docs pretty-print values (`avatar-thumb-url` on its own
 * indented line). Absent or null is null; an empty element stays ''.
 */
export function optionalName(record: WireRecord, key: string): string | null {
  const value = fieldValue(record, key);
  return value === undefined || value === null ? null : scalarText(value, key).trim();
}

export function nameField(record: WireRecord, key: string): string {
  return optionalName(record, key) ?? '';
}

/**
 * A name every real record carries (a group's name, a member's email). Requiring it is what tells
 * a JSON group or member from some other record, since JSON has no element names.
 */
export function requiredName(record: WireRecord, key: string): string {
  const name = optionalName(record, key);
  if (name === null) throw new WireError(`${key} is missing`);
  return name;
}

export function optionalInstant(record: WireRecord, key: string): Instant | null {
  const value = fieldValue(record, key);
  if (blank(value)) return null;
  const instant = typeof value === 'string' ? parseInstant(value) : undefined;
  if (instant === undefined) throw new WireError(`${key} is not a timestamp: ${describe(value)}`);
  return instant;
}

export function requiredInstant(record: WireRecord, key: string): Instant {
  const instant = optionalInstant(record, key);
  if (instant === null) throw new WireError(`${key} is missing`);
  return instant;
}

const DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:$|[T ])/;

/** A calendar day as `YYYY-MM-DD`; also reads `YYYY/MM/DD` and a timestamp's date part. */
export function optionalDate(record: WireRecord, key: string): string | null {
  const value = fieldValue(record, key);
  if (blank(value)) return null;
  const match = typeof value === 'string' ? DATE.exec(value.trim()) : null;
  if (!match) throw new WireError(`${key} is not a date: ${describe(value)}`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

export function optionalRecord(record: WireRecord, key: string): WireRecord | null {
  const value = fieldValue(record, key);
  return value === undefined || value === null ? null : asWireRecord(value, key);
}
