import type { ArgParser } from './args.js';
import type { Command } from './command.js';
import { noArguments } from './usage-error.js';

type Bare = Extract<Command, { name: 'logout' | 'whoami' | 'groups' | 'members' | 'feeds' }>;

/** Commands that take no arguments; anything after them is refused rather than silently dropped. */
export function bare(name: Bare['name']): ArgParser {
  return (args) => (args.words.length === 0 ? { name } : noArguments(name));
}
