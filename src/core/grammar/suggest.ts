import type { UsageError } from './command.js';
import { COMMAND_SPECS, COMMAND_WORDS, lookupCommand } from './command-specs.js';
import { shown } from './parsed.js';

/** Unknown command words: find the closest known one, so a typo gets a "did you mean". */

// Beyond this the word is not a typo of a command, and the quadratic distance is not worth computing.
const MAX_WORD = 30;

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment), since
 * "pots" for "post" is the commonest typo of all.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(rows, i - 1, j) + 1, at([row], 0, j - 1) + 1, at(rows, i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(rows, i - 2, j - 2) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return at(rows, a.length, b.length);
}

function at(rows: readonly (readonly number[])[], i: number, j: number): number {
  return rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
}

/** The command a mistyped word most likely meant: a close spelling, or a word it abbreviates. */
export function suggestCommand(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length === 0 || lower.length > MAX_WORD) return undefined;
  // One- and two-letter words are too short to be typos of anything in particular.
  const tolerance = lower.length <= 2 ? 0 : lower.length <= 4 ? 1 : 2;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of COMMAND_WORDS) {
    const distance = editDistance(lower, candidate);
    if (distance <= tolerance && (best === undefined || distance < best.distance))
      best = { word: candidate, distance };
  }
  const abbreviated = lower.length >= 3 ? COMMAND_WORDS.find((c) => c.startsWith(lower)) : undefined;
  const found = best?.word ?? abbreviated;
  return found === undefined ? undefined : lookupCommand(found);
}

/** The error for a word that names no command; `help` also uses it for an unknown topic. */
export function unknownCommand(word: string, asHelpTopic = false): UsageError {
  const suggestion = suggestCommand(word);
  const didYouMean = suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
  const what = asHelpTopic ? 'There is no command called' : "I don't know a command called";
  const help = COMMAND_SPECS.help;
  return {
    kind: 'usage',
    ...(asHelpTopic ? { command: 'help' as const } : {}),
    message: `${what} ${shown(word)}.${didYouMean} Send help to list the commands.`,
    usage: help.usage,
    example: help.example,
  };
}
