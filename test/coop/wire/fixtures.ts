import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Instant } from '../../../src/coop/instant.js';

const ROOT = fileURLToPath(new URL('../../fixtures/coop/', import.meta.url));

/** A fixture file under test/fixtures/coop/, as text. */
export function fixture(path: string): string {
  return readFileSync(`${ROOT}${path}`, 'utf8');
}

/** A raw HTTP capture split at the first blank line (CRLF or LF). */
export function httpParts(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { head: raw, body: '' };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

/** The body of a fixture; raw HTTP captures (…-with-headers/) lose their status line and headers. */
export function fixtureBody(path: string): string {
  const text = fixture(path);
  return path.includes('-with-headers/') ? httpParts(text).body : text;
}

/** An instant from the wall-clock time a page showed and its offset: `at('2012-03-02 22:51:00', -300)`. */
export function at(wall: string, offsetMinutes: number): Instant {
  const [date = '', time = ''] = wall.split(' ');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  const utc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  return { epochMs: utc - offsetMinutes * 60_000, offsetMinutes };
}
