import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_WORDS } from '../../../src/core/grammar/command-specs.js';
import {
  COMMAND_NAMES,
  type MentionRef,
  type ParseResult,
  parseCommand,
} from '../../../src/core/grammar/index.js';
import { INTERNAL_ERROR_MESSAGE } from '../../../src/core/grammar/parse-command.js';
import { mentions } from './parse-helpers.js';

/** Whatever the input, the grammar answers with a well-formed Command or UsageError, and never throws. */
function assertWellFormed(result: ParseResult): void {
  if ('kind' in result) {
    expect(result.kind).toBe('usage');
    expect(result.message).not.toBe(INTERNAL_ERROR_MESSAGE);
    expect(result.message.trim()).not.toBe('');
    expect(result.usage.trim()).not.toBe('');
    expect(result.example.trim()).not.toBe('');
    if (result.command !== undefined) expect(COMMAND_NAMES).toContain(result.command);
  } else {
    expect(COMMAND_NAMES).toContain(result.name);
  }
}

const KEYWORDS = [
  ...COMMAND_WORDS,
  ...COMMAND_NAMES.map((name) => name.toUpperCase()),
  '/coop',
  'coop',
  'mine',
  'set',
  'everyone',
  'all',
  'me',
  'cobot',
  'note',
  'notes',
  'time',
  'user:',
  'user:me',
  'user:<@U123|ada>',
  'user:@sybil',
  'today',
  'yesterday',
  '20240229',
  '20230229',
  '2024-02-30',
  '1:30',
  '1.5',
  '0',
  '-3',
  '24',
  '25',
  '916273',
  '99999999999999999999',
  'ada@example.com',
  '<@U123|ada>',
  '<@123456789012345678>',
  '@sybil',
  '@nobody',
  '"',
  '“',
  '”',
  '"Design team"',
  '""',
];

const SEPARATORS = [' ', '  ', '\n', '\t', '\u00a0', ''];

const wordSequence = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...KEYWORDS),
        fc.string({ maxLength: 8 }),
        fc.string({ unit: 'binary', maxLength: 4 }),
      ),
      fc.constantFrom(...SEPARATORS),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([word, separator]) => word + separator).join(''));

const mentionRef: fc.Arbitrary<MentionRef> = fc.record({
  kind: fc.constant('user' as const),
  platform: fc.constantFrom('slack', 'discord', 'shell'),
  userId: fc.string({ minLength: 1, maxLength: 6 }),
});

/** Random tables, including keys that are empty, hold spaces, or shadow keywords. */
const randomTable = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYWORDS), fc.string({ maxLength: 6 })), mentionRef), {
    maxLength: 4,
  })
  .map((entries) => new Map(entries));

describe('parseCommand never throws', () => {
  it('for any string', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        assertWellFormed(parseCommand({ text, mentions }));
      }),
      { numRuns: 2000 },
    );
  });

  it('for any Unicode string, lone surrogates and graphemes included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        assertWellFormed(parseCommand({ text, mentions }));
      }),
      { numRuns: 2000 },
    );
  });

  it('for sequences of command words, keywords and random tokens', () => {
    fc.assert(
      fc.property(wordSequence, (text) => {
        assertWellFormed(parseCommand({ text, mentions }));
      }),
      { numRuns: 5000 },
    );
  });

  it('for any command after any known command word, with any mention table', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMAND_WORDS), wordSequence, randomTable, (word, rest, table) => {
        assertWellFormed(parseCommand({ text: `${word} ${rest}`, mentions: table }));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps post text verbatim apart from its ends', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        fc.pre(text.trim() !== '');
        expect(parseCommand({ text: `post ${text}` })).toEqual({ name: 'post', text: text.trim() });
      }),
    );
  });
});
