/**
 * Splits command text into words, remembering where each word came from so that commands taking free
 * text (post, cobot, agenda set, time) can slice the original text verbatim.
 *
 * A word is a run of non-whitespace, with two refinements:
 * - A mention key from the adapter's table is never split, even if it holds spaces (a Slack label such
 *   as `<@U1|Ada L>`), and it may sit inside a word (`user:<@U1|Ada L>`).
 * - A word that opens with a double quote (`"`, or `“` that phones type) runs to the closing quote, so
 *   `subscribe "Design team" cobot` names a group with a space. The word's `text` drops the quotes.
 *   An unclosed or empty quote is an ordinary character.
 */
export interface Token {
  /** The word, without surrounding quotes. */
  readonly text: string;
  /** The word exactly as typed; mention lookups use this. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', '“': '”' };

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

export function tokenize(source: string, mentionKeys: Iterable<string> = []): Token[] {
  // Longest first, so a key that extends a shorter one wins. Empty keys would never advance.
  const keys = [...mentionKeys].filter((key) => key.length > 0).sort((a, b) => b.length - a.length);
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    if (isSpace(source[i])) {
      i++;
      continue;
    }
    const quoted = quotedWord(source, i);
    const end = quoted?.end ?? wordEnd(source, i, keys);
    const raw = source.slice(i, end);
    tokens.push({ text: quoted?.text ?? raw, raw, start: i, end });
    i = end;
  }
  return tokens;
}

function quotedWord(source: string, start: number): { end: number; text: string } | undefined {
  const close = CLOSING_QUOTE[source[start] ?? ''];
  if (close === undefined) return undefined;
  const closeAt = source.indexOf(close, start + 1);
  if (closeAt < 0) return undefined;
  const text = source.slice(start + 1, closeAt).trim();
  return text === '' ? undefined : { end: closeAt + 1, text };
}

function wordEnd(source: string, start: number, keys: readonly string[]): number {
  let j = start;
  while (j < source.length) {
    const key = keys.find((k) => source.startsWith(k, j));
    if (key !== undefined) {
      j += key.length;
      continue;
    }
    if (isSpace(source[j])) break;
    j++;
  }
  return j;
}

/** The original text from `token` to the end: verbatim inside (newlines, runs of spaces), trimmed at the ends. */
export function restFrom(source: string, token: Token | undefined): string {
  return token === undefined ? '' : source.slice(token.start).trim();
}
