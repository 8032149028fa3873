import { describe, expect, it } from 'vitest';
import { editDistance, suggestCommand } from '../../../src/core/grammar/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['post', 'post', 0],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['pots', 'post', 1],
    ['tiemline', 'timeline', 1],
    ['ab', 'ba', 1],
    ['abc', 'ca', 3],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('suggestCommand', () => {
  it('suggests the canonical name even when the closest word is an alias', () => {
    expect(suggestCommand('tll')).toBe('timeline');
    expect(suggestCommand('unsbu')).toBe('unsubscribe');
  });

  it('completes an abbreviation of three letters or more', () => {
    expect(suggestCommand('memb')).toBe('members');
    expect(suggestCommand('subscr')).toBe('subscribe');
  });

  it('stays quiet for very short, very long or far-off words', () => {
    expect(suggestCommand('x')).toBeUndefined();
    expect(suggestCommand('zz')).toBeUndefined();
    expect(suggestCommand('q'.repeat(1000))).toBeUndefined();
    expect(suggestCommand('frobnicate')).toBeUndefined();
    expect(suggestCommand('')).toBeUndefined();
  });
});
