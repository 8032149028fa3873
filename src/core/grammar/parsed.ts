/** The result of parsing one argument: a value, or a sentence saying what is wrong with it. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | Problem;

export interface Problem {
  readonly ok: false;
  readonly problem: string;
}

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail(problem: string): Problem {
  return { ok: false, problem };
}

const SHOWN_MAX = 40;

/** A user's word quoted for an error message, cut short so a pasted essay stays readable. */
export function shown(word: string): string {
  const chars = Array.from(word);
  const cut = chars.length > SHOWN_MAX ? `${chars.slice(0, SHOWN_MAX).join('')}…` : word;
  return `"${cut}"`;
}
