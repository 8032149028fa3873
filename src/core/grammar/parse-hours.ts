import { fail, ok, type Parsed, shown } from './parsed.js';

/**
 * Hours for a time entry: a decimal (`1.5`, `0.75`, `.5`) or hours and minutes (`1:30` → 1.5).
 * Harvest takes decimal hours; the value is kept exact (1:20 → 1.333…), rounding is the server's call.
 */

export const MAX_HOURS = 24;
const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const CLOCK = /^(\d+):(\d+)$/;

export function parseHours(word: string): Parsed<number> {
  const hours = readHours(word);
  if (!hours.ok) return hours;
  if (hours.value <= 0) return fail(`Hours must be more than 0; ${shown(word)} is nothing to log.`);
  if (hours.value > MAX_HOURS)
    return fail(`${shown(word)} is more than a day; log at most ${MAX_HOURS} hours.`);
  return hours;
}

function readHours(word: string): Parsed<number> {
  if (DECIMAL.test(word)) return ok(Number(word));
  const clock = CLOCK.exec(word);
  if (!clock) return fail(`${shown(word)} isn't a number of hours. Write it like 1.5, 0.75 or 1:30.`);
  const minutes = clock[2] ?? '';
  if (minutes.length !== 2 || Number(minutes) > 59) {
    return fail(`${shown(word)} has odd minutes; write two digits from 00 to 59, like 1:30.`);
  }
  return ok(Number(clock[1]) + Number(minutes) / 60);
}
