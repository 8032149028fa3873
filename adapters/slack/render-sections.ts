import { ELLIPSIS, escapeWithin } from './slack-escape.js';
import { type Block, LIMITS, section } from './slack-message.js';

/** Each raw line escaped and cut to fit a section on its own. */
export function escapedLines(raw: string): string[] {
  return raw.split('\n').map((line) => escapeWithin(line, LIMITS.sectionText - 2));
}

/**
 * Packs mrkdwn lines (each already escaped and at most one section long) into as few sections as
 * possible, at most `maxBlocks`; lines beyond that are counted in a visible last line.
 */
export function packSections(lines: readonly string[], maxBlocks: number): Block[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (joined.length <= LIMITS.sectionText) {
      current = joined;
      continue;
    }
    chunks.push(current);
    current = line;
  }
  chunks.push(current);
  const nonEmpty = chunks.filter((chunk) => chunk.trim() !== '');
  return capSections(nonEmpty.length > 0 ? nonEmpty : [' '], maxBlocks);
}

function capSections(chunks: string[], maxBlocks: number): Block[] {
  if (chunks.length <= maxBlocks) return chunks.map(section);
  const kept = chunks.slice(0, Math.max(1, maxBlocks));
  const dropped = chunks.length - kept.length;
  const last = kept.length - 1;
  const note = `\n${ELLIPSIS} (${dropped} more part${dropped === 1 ? '' : 's'} not shown: too long for one Slack message)`;
  // Cut, then drop an entity the cut may have split (`&am`), so no stray markup is left.
  const head = (kept[last] ?? '').slice(0, LIMITS.sectionText - note.length).replace(/&[a-z]{0,3}$/, '');
  kept[last] = `${head}${note}`;
  return kept.map(section);
}

/** The plain `text` of a message: escaped too (Slack parses it as mrkdwn), and short. */
export function fallback(raw: string): string {
  const text = escapeWithin(raw, LIMITS.fallbackText);
  return text.trim() === '' ? ' ' : text;
}
