import { lookupCommand } from '../../src/core/grammar/index.js';

/**
 * The command text of a message meant for the bot: `!coop <command>` or `!<command>` for any command
 * of the grammar (`!timeline @ada`, `!post Hello`). Undefined for chat and for other bots' commands
 * sharing the prefix (`!play`), which the bot leaves alone.
 */
export function prefixCommandText(content: string, prefix: string): string | undefined {
  if (!content.startsWith(prefix)) return undefined;
  const text = content.slice(prefix.length);
  const first = /^\S+/.exec(text)?.[0];
  if (first === undefined) return undefined;
  return first.toLowerCase() === 'coop' || lookupCommand(first) !== undefined ? text : undefined;
}

/**
 * A typed `login`, which Discord cannot take privately. `withArguments`: something follows `login`
 * (an email, maybe a password), so the message should not stay in the channel.
 */
export function loginAttempt(text: string): { withArguments: boolean } | undefined {
  const words = text.trim().split(/\s+/);
  const start = words[0]?.toLowerCase() === 'coop' ? 1 : 0;
  if (words[start]?.toLowerCase() !== 'login') return undefined;
  return { withArguments: words.length > start + 1 };
}
