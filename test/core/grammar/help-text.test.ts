import { describe, expect, it } from 'vitest';
import {
  COMMAND_NAMES,
  COMMAND_SPECS,
  helpText,
  isUsageError,
  lookupCommand,
  parseCommand,
} from '../../../src/core/grammar/index.js';

const exampleMentions = new Map([['@ada', { kind: 'user' as const, platform: 'shell', userId: 'ada' }]]);

describe('the command table', () => {
  it('has a usage line, summary and example for every command', () => {
    expect(COMMAND_NAMES).toHaveLength(19);
    for (const name of COMMAND_NAMES) {
      const spec = COMMAND_SPECS[name];
      expect(spec.usage.startsWith(name)).toBe(true);
      expect(spec.summary).toMatch(/\.$/);
      expect(spec.example.length).toBeGreaterThan(0);
    }
  });

  it('gives examples that parse to their own command', () => {
    for (const name of COMMAND_NAMES) {
      const result = parseCommand({ text: COMMAND_SPECS[name].example, mentions: exampleMentions });
      expect(isUsageError(result) ? result.message : result.name).toBe(name);
    }
  });

  it('has aliases that are unique and never shadow a name', () => {
    const aliases = COMMAND_NAMES.flatMap((name) => COMMAND_SPECS[name].aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const alias of aliases) expect(COMMAND_NAMES).not.toContain(alias);
    expect(aliases.sort()).toEqual(['?', 'h', 'note', 'sub', 'tl', 'unsub']);
  });

  it('finds commands by name or alias in any case', () => {
    expect(lookupCommand('TIMELINE')).toBe('timeline');
    expect(lookupCommand('Tl')).toBe('timeline');
    expect(lookupCommand('?')).toBe('help');
    expect(lookupCommand('nope')).toBeUndefined();
  });
});

describe('helpText', () => {
  it('lists every command with its usage and summary', () => {
    const text = helpText();
    for (const name of COMMAND_NAMES) {
      expect(text).toContain(`${COMMAND_SPECS[name].usage} — ${COMMAND_SPECS[name].summary}`);
    }
    expect(text).toContain('login EMAIL PASSWORD on one line works only in the terminal');
  });

  it('explains one command with notes, aliases and example', () => {
    expect(helpText('timeline')).toBe(
      [
        'timeline [@who|email|cobot|me] [date]',
        "List someone's recent statuses, or all of theirs on one day.",
        'With no one named it shows yours.',
        'Dates: YYYYMMDD, YYYY-MM-DD, today or yesterday.',
        'Also: tl',
        'Example: timeline @ada 2024-05-01',
      ].join('\n'),
    );
    expect(helpText('login')).toContain('works only in the terminal, where nobody else can read it');
    expect(helpText('logout')).not.toContain('Also:');
  });

  it('stays neutral: no platform markup or prefix', () => {
    const all = [helpText(), ...COMMAND_NAMES.map((name) => helpText(name))].join('\n');
    expect(all).not.toMatch(/[`*_]{2}|```|<@|\/coop|!timeline/);
    expect(all).not.toMatch(/^\s*[`!/]/m);
  });
});
