import { describe, expect, it } from 'vitest';
import type { MentionRef } from '../../../src/core/grammar/index.js';
import { ada, bob, command, sybil, usage } from './parse-helpers.js';

describe('mentions resolved through the adapter table', () => {
  it.each([
    ['Slack', '<@U123|ada>', ada],
    ['Discord', '<@123456789012345678>', bob],
    ['terminal', '@sybil', sybil],
  ])('%s mention as a timeline target', (_platform, token, ref) => {
    expect(command(`timeline ${token}`)).toEqual({
      name: 'timeline',
      target: { kind: 'mention', mention: ref },
    });
    expect(command(`tl ${token} 2024-05-01`)).toEqual({
      name: 'timeline',
      target: { kind: 'mention', mention: ref },
      date: { kind: 'day', ymd: '20240501' },
    });
    expect(command(`timeline yesterday ${token}`)).toMatchObject({ target: { mention: ref } });
  });

  it.each([
    ['<@U123|ada>', ada],
    ['<@123456789012345678>', bob],
    ['@sybil', sybil],
  ])('%s in a user: filter, with or without a space', (token, ref) => {
    const expected = {
      name: 'subscribe',
      filters: [{ kind: 'user', user: { kind: 'mention', mention: ref } }],
    };
    expect(command(`subscribe user:${token}`)).toEqual(expected);
    expect(command(`subscribe user: ${token}`)).toEqual(expected);
  });

  it('keeps a key with spaces in one piece', () => {
    const ref: MentionRef = { kind: 'user', platform: 'slack', userId: 'U9', displayName: 'Ada Lovelace' };
    const table = new Map([['<@U9|Ada Lovelace>', ref]]);
    expect(command('timeline <@U9|Ada Lovelace> today', table)).toEqual({
      name: 'timeline',
      target: { kind: 'mention', mention: ref },
      date: { kind: 'today' },
    });
    expect(command('subscribe cobot user:<@U9|Ada Lovelace>', table)).toMatchObject({
      filters: [{ kind: 'cobot' }, { kind: 'user', user: { kind: 'mention', mention: ref } }],
    });
  });

  it('matches keys whole: @sybilla is not @sybil', () => {
    expect(usage('timeline @sybilla').message).toContain('"@sybilla"');
  });

  it('prefers the table over keywords and date shapes', () => {
    const me: MentionRef = { kind: 'user', platform: 'shell', userId: 'me' };
    const odd: MentionRef = { kind: 'user', platform: 'shell', userId: '2024' };
    const table = new Map([
      ['me', me],
      ['20240501', odd],
    ]);
    expect(command('timeline me', table)).toEqual({
      name: 'timeline',
      target: { kind: 'mention', mention: me },
    });
    expect(command('timeline 20240501', table)).toMatchObject({ target: { kind: 'mention', mention: odd } });
  });

  it('leaves mentions in free text as typed', () => {
    expect(command('post thanks <@U123|ada> and @sybil')).toEqual({
      name: 'post',
      text: 'thanks <@U123|ada> and @sybil',
    });
  });

  it('ignores empty keys in the table', () => {
    const table = new Map([['', ada]]);
    expect(command('timeline cobot', table)).toEqual({ name: 'timeline', target: { kind: 'cobot' } });
  });

  it('does not take a person for a group in subscribe', () => {
    expect(usage('subscribe <@U123|ada>').message).toBe('To follow one person, write "user:<@U123|ada>".');
    expect(usage('subscribe @nobody').message).toContain('couldn\'t tell who "@nobody" is');
  });
});
