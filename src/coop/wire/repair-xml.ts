/**
 * A start, end or empty tag with well-formed quoted attributes, at the current position.
 * Groups: 1 = "/" of an end tag, 2 = tag name, 3 = "/" of an empty tag. Character classes stop at
 * `<`, so a broken tag costs a scan to the next `<`, never to the end of the body.
 */
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[A-Za-z_:][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/y;
const DOCTYPE = /<!DOCTYPE[^<>]*>/y;
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);/y;
const SPECIAL = /[<&]/g;

/** Sections copied verbatim up to their terminator. */
const SECTIONS: readonly (readonly [open: string, close: string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

interface Repair {
  readonly xml: string;
  out: string;
  /** Names of the elements open at the current position. */
  readonly open: string[];
}

/** Handles a tag token; returns the text to emit in its place. */
function repairTag(state: Repair, token: string, end: boolean, name: string, empty: boolean): string {
  if (!end) {
    if (!empty) state.open.push(name);
    return token;
  }
  const top = state.open.at(-1);
  if (top === name || top === undefined) {
    state.open.pop();
    return token;
  }
  // `<id>21</user-id>` (the docs' Statuses sample): an end tag naming no open element is a typo
  // for the innermost open one. An end tag naming an outer element is left for the validator
  // to refuse: guessing which inner elements to close could silently drop data.
  if (state.open.includes(name)) return token;
  state.open.pop();
  return `</${top}>`;
}

function sticky(pattern: RegExp, xml: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(xml);
}

/** Handles the `<` at `at`; returns the index after what was consumed. */
function repairMarkup(state: Repair, at: number): number {
  const { xml } = state;
  for (const [open, close] of SECTIONS) {
    if (!xml.startsWith(open, at)) continue;
    const end = xml.indexOf(close, at + open.length);
    // Unterminated: nothing after it can be repaired; copy the rest and let validation refuse it.
    const stop = end === -1 ? xml.length : end + close.length;
    state.out += xml.slice(at, stop);
    return stop;
  }
  const tag = sticky(TAG, xml, at) ?? sticky(DOCTYPE, xml, at);
  if (!tag) {
    state.out += '&lt;';
    return at + 1;
  }
  const [token, slash, name, selfClose] = tag;
  state.out += name === undefined ? token : repairTag(state, token, slash === '/', name, selfClose === '/');
  return at + token.length;
}

/** Handles the `&` at `at`; returns the index after what was consumed. */
function repairAmpersand(state: Repair, at: number): number {
  const ref = sticky(REFERENCE, state.xml, at);
  state.out += ref ? ref[0] : '&amp;';
  return ref ? at + ref[0].length : at + 1;
}

/**
 * Best-effort repair of XML that failed validation, for the defects real senders produced:
 * unescaped `&` and `<` in text (`<status>a & b <3</status>`, from early clients), unknown named
 * entities (kept literally as `&amp;name;`), and end tags misspelled as in the docs' samples.
 * Never closes elements left open at the end: a truncated body must stay invalid, not turn
 * into a shorter list. Only called on bodies that are already invalid; linear in their length.
 */
export function repairXml(xml: string): string {
  const state: Repair = { xml, out: '', open: [] };
  let at = 0;
  while (at < xml.length) {
    SPECIAL.lastIndex = at;
    const next = SPECIAL.exec(xml);
    const stop = next ? next.index : xml.length;
    state.out += xml.slice(at, stop);
    if (!next) break;
    at = xml[stop] === '&' ? repairAmpersand(state, stop) : repairMarkup(state, stop);
  }
  return state.out;
}
