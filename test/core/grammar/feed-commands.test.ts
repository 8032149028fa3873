import { describe, expect, it } from 'vitest';
import { ada, command, sybil } from './parse-helpers.js';

describe('subscribe', () => {
  it.each([
    ['subscribe', { filters: [{ kind: 'all' }] }],
    ['subscribe all', { filters: [{ kind: 'all' }] }],
    ['subscribe notes', { filters: [{ kind: 'notes' }] }],
    ['subscribe note', { filters: [{ kind: 'notes' }] }],
    ['subscribe time', { filters: [{ kind: 'time' }] }],
    ['subscribe times', { filters: [{ kind: 'time' }] }],
    ['subscribe cobot', { filters: [{ kind: 'cobot' }] }],
    ['subscribe COBOT Notes', { filters: [{ kind: 'cobot' }, { kind: 'notes' }] }],
    ['subscribe user:cobot', { filters: [{ kind: 'cobot' }] }],
    ['subscribe user:me', { filters: [{ kind: 'user', user: { kind: 'me' } }] }],
    [
      'subscribe user:Ada@Example.com',
      { filters: [{ kind: 'user', user: { kind: 'email', email: 'Ada@Example.com' } }] },
    ],
    ['subscribe 12561', { group: { kind: 'id', id: 12561 }, filters: [{ kind: 'all' }] }],
    ['subscribe Design cobot', { group: { kind: 'name', name: 'Design' }, filters: [{ kind: 'cobot' }] }],
    [
      'subscribe "Design team" notes time',
      { group: { kind: 'name', name: 'Design team' }, filters: [{ kind: 'notes' }, { kind: 'time' }] },
    ],
    ['subscribe "cobot"', { group: { kind: 'name', name: 'cobot' }, filters: [{ kind: 'all' }] }],
    ['subscribe "Cobots" cobot', { group: { kind: 'name', name: 'Cobots' }, filters: [{ kind: 'cobot' }] }],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual({ name: 'subscribe', ...expected });
  });

  it('combines several filters, people included, in the order given', () => {
    expect(command('sub 7 notes user:<@U123|ada> user:@sybil cobot')).toEqual({
      name: 'subscribe',
      group: { kind: 'id', id: 7 },
      filters: [
        { kind: 'notes' },
        { kind: 'user', user: { kind: 'mention', mention: ada } },
        { kind: 'user', user: { kind: 'mention', mention: sybil } },
        { kind: 'cobot' },
      ],
    });
  });

  it('drops duplicate filters, synonyms and same people included', () => {
    expect(command('subscribe note notes cobot user:cobot')).toEqual({
      name: 'subscribe',
      filters: [{ kind: 'notes' }, { kind: 'cobot' }],
    });
    expect(command('subscribe user:a@b.c user:A@B.C user:<@U123|ada> user: <@U123|ada>')).toEqual({
      name: 'subscribe',
      filters: [
        { kind: 'user', user: { kind: 'email', email: 'a@b.c' } },
        { kind: 'user', user: { kind: 'mention', mention: ada } },
      ],
    });
    expect(command('subscribe all all')).toEqual({ name: 'subscribe', filters: [{ kind: 'all' }] });
  });
});

describe('unsubscribe and feeds', () => {
  it('parses every form', () => {
    expect(command('unsubscribe')).toEqual({ name: 'unsubscribe', target: { kind: 'default' } });
    expect(command('unsubscribe ALL')).toEqual({ name: 'unsubscribe', target: { kind: 'all' } });
    expect(command('unsubscribe 12')).toEqual({ name: 'unsubscribe', target: { kind: 'id', id: 12 } });
    expect(command('feeds')).toEqual({ name: 'feeds' });
  });
});
