import { fail, ok, type Parsed, shown } from './parsed.js';
import type { Token } from './tokenize.js';

/** Co-op and Harvest ids are positive integers (e.g. Note 916273); anything else is a typo. */
export function parseId(word: string, what: string): Parsed<number> {
  const id = /^\d+$/.test(word) ? Number(word) : Number.NaN;
  if (Number.isSafeInteger(id) && id > 0) return ok(id);
  return fail(`${shown(word)} isn't ${what}: ids are whole numbers above 0, like 916273.`);
}

/** Exactly one id among `words`; `missing` says what to give when there is none ("delete needs …"). */
export function parseOneId(words: readonly Token[], missing: string, what: string): Parsed<number> {
  const [word, extra] = words;
  if (word === undefined) return fail(missing);
  if (extra !== undefined) return fail(`Give one id only; ${shown(extra.text)} is one too many.`);
  return parseId(word.text, what);
}
