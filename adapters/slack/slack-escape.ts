/**
 * Slack's three control characters. Escaped, relayed text cannot form `<!channel>`, `<!here>`,
 * `<@U123>` or a link: Slack shows the characters and pings nobody (with `link_names` never set).
 */
export function escapeSlack(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** What a shortened text ends with, so a reader sees that something was cut. */
export const ELLIPSIS = '…';

/**
 * Escapes `text` and keeps the result within `max` UTF-16 units (what Slack counts), cutting at a
 * whole character (never inside an entity or a surrogate pair) and ending with "…" when cut.
 */
export function escapeWithin(text: string, max: number): string {
  const escaped = escapeSlack(text);
  if (escaped.length <= max) return escaped;
  const room = Math.max(0, max - ELLIPSIS.length);
  let out = '';
  for (const char of text) {
    const piece = escapeSlack(char);
    if (out.length + piece.length > room) break;
    out += piece;
  }
  return `${out}${ELLIPSIS}`;
}

/** Plain text (no escaping: `plain_text` objects show characters as they are) within `max`. */
export function plainWithin(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - ELLIPSIS.length) break;
    out += char;
  }
  return `${out}${ELLIPSIS}`;
}
