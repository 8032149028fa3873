/**
 * A key followed by a comma where the colon belongs, then the start of a value: the docs' samples
 * write `"group_id", 25` and `"subdomain", "fawlty"`. Only a key right after `{` or `,` qualifies.
 */
const COMMA_FOR_COLON = /([{,]\s*"[A-Za-z_][\w-]*")\s*,(?=\s*(?:-?\d|"|true\b|false\b|null\b|\{|\[))/g;

/**
 * Targeted repair for JSON that failed to parse: turns the docs' comma-for-colon typo back into a
 * colon. Only called on bodies that are already invalid; if the guess is wrong the result stays
 * invalid JSON (a key/value pair is never valid inside an array), so nothing is silently misread.
 */
export function repairJson(text: string): string {
  return text.replace(COMMA_FOR_COLON, '$1:');
}
