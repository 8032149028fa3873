import {
  type Command,
  isUsageError,
  type MentionRef,
  parseCommand,
  type UsageError,
} from '../../../src/core/grammar/index.js';

export type Mentions = ReadonlyMap<string, MentionRef>;

export const ada: MentionRef = { kind: 'user', platform: 'slack', userId: 'U123', displayName: 'ada' };
export const bob: MentionRef = { kind: 'user', platform: 'discord', userId: '123456789012345678' };
export const sybil: MentionRef = {
  kind: 'user',
  platform: 'shell',
  userId: 'sybil',
  email: 'sybil@example.com',
};

/** One table holding the three platforms' spellings, as each adapter would build its own. */
export const mentions: Mentions = new Map([
  ['<@U123|ada>', ada],
  ['<@123456789012345678>', bob],
  ['@sybil', sybil],
]);

/** Parses and insists on a Command. */
export function command(text: string, table: Mentions = mentions): Command {
  const result = parseCommand({ text, mentions: table });
  if (isUsageError(result))
    throw new Error(`expected a command for ${JSON.stringify(text)}: ${result.message}`);
  return result;
}

/** Parses and insists on a UsageError. */
export function usage(text: string, table: Mentions = mentions): UsageError {
  const result = parseCommand({ text, mentions: table });
  if (!isUsageError(result)) throw new Error(`expected a usage error for ${JSON.stringify(text)}`);
  return result;
}
