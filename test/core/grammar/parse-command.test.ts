import { describe, expect, it } from 'vitest';
import { isUsageError, type MentionRef, parseCommand } from '../../../src/core/grammar/index.js';
import { INTERNAL_ERROR_MESSAGE } from '../../../src/core/grammar/parse-command.js';
import { command } from './parse-helpers.js';

describe('parseCommand: every command', () => {
  it.each([
    ['help', { name: 'help' }],
    ['help post', { name: 'help', topic: 'post' }],
    ['login', { name: 'login', inlinePassword: false }],
    ['login ada@example.com', { name: 'login', inlinePassword: false, email: 'ada@example.com' }],
    ['logout', { name: 'logout' }],
    ['whoami', { name: 'whoami' }],
    ['groups', { name: 'groups' }],
    ['use 12561', { name: 'use', group: { kind: 'id', id: 12561 } }],
    ['use Design', { name: 'use', group: { kind: 'name', name: 'Design' } }],
    ['use Design   team', { name: 'use', group: { kind: 'name', name: 'Design   team' } }],
    ['use "Design team"', { name: 'use', group: { kind: 'name', name: 'Design team' } }],
    ['members', { name: 'members' }],
    ['post Shipping the release today', { name: 'post', text: 'Shipping the release today' }],
    ['cobot Deployed build 88', { name: 'cobot', text: 'Deployed build 88' }],
    ['delete 916273', { name: 'delete', id: 916273 }],
    ['delete note 916273', { name: 'delete', id: 916273 }],
    ['show 916273', { name: 'show', id: 916273 }],
    ['timeline', { name: 'timeline', target: { kind: 'me' } }],
    ['timeline me', { name: 'timeline', target: { kind: 'me' } }],
    ['timeline cobot', { name: 'timeline', target: { kind: 'cobot' } }],
    ['timeline ada@example.com', { name: 'timeline', target: { kind: 'email', email: 'ada@example.com' } }],
    [
      'timeline 20240501',
      { name: 'timeline', target: { kind: 'me' }, date: { kind: 'day', ymd: '20240501' } },
    ],
    [
      'timeline cobot yesterday',
      { name: 'timeline', target: { kind: 'cobot' }, date: { kind: 'yesterday' } },
    ],
    ['timeline today me', { name: 'timeline', target: { kind: 'me' }, date: { kind: 'today' } }],
    ['today', { name: 'today', date: { kind: 'today' } }],
    ['today yesterday', { name: 'today', date: { kind: 'yesterday' } }],
    ['today 2024-05-01', { name: 'today', date: { kind: 'day', ymd: '20240501' } }],
    ['agenda', { name: 'agenda', action: 'show', scope: 'group' }],
    ['agenda mine', { name: 'agenda', action: 'show', scope: 'mine' }],
    ['agenda everyone', { name: 'agenda', action: 'show', scope: 'everyone' }],
    ['agenda all', { name: 'agenda', action: 'show', scope: 'everyone' }],
    ['agenda set Demo on Friday', { name: 'agenda', action: 'set', scope: 'group', text: 'Demo on Friday' }],
    ['agenda set mine Review PRs', { name: 'agenda', action: 'set', scope: 'mine', text: 'Review PRs' }],
    ['agenda mine set Review PRs', { name: 'agenda', action: 'set', scope: 'mine', text: 'Review PRs' }],
    ['time 1.5 111 222 Pairing', { name: 'time', hours: 1.5, projectId: 111, taskId: 222, text: 'Pairing' }],
    ['time 0.75 1 2 a  b', { name: 'time', hours: 0.75, projectId: 1, taskId: 2, text: 'a  b' }],
    ['time 1:30 1 2 x', { name: 'time', hours: 1.5, projectId: 1, taskId: 2, text: 'x' }],
    ['timer 1373078', { name: 'timer', entryId: 1373078 }],
    ['subscribe', { name: 'subscribe', filters: [{ kind: 'all' }] }],
    ['unsubscribe', { name: 'unsubscribe', target: { kind: 'default' } }],
    ['unsubscribe all', { name: 'unsubscribe', target: { kind: 'all' } }],
    ['unsubscribe 3', { name: 'unsubscribe', target: { kind: 'id', id: 3 } }],
    ['feeds', { name: 'feeds' }],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it('flags an inline password as its own variant, with the password as typed', () => {
    expect(command('login ada@example.com s3cret')).toEqual({
      name: 'login',
      inlinePassword: true,
      email: 'ada@example.com',
      password: 's3cret',
    });
    expect(command('login ada@example.com pass  "word" ')).toMatchObject({ password: 'pass  "word"' });
  });
});

describe('parseCommand: aliases', () => {
  it.each([
    ['?', { name: 'help' }],
    ['? tl', { name: 'help', topic: 'timeline' }],
    ['h', { name: 'help' }],
    ['h post', { name: 'help', topic: 'post' }],
    ['tl', { name: 'timeline', target: { kind: 'me' } }],
    ['tl cobot today', { name: 'timeline', target: { kind: 'cobot' }, date: { kind: 'today' } }],
    ['note Shipping it', { name: 'post', text: 'Shipping it' }],
    ['sub cobot', { name: 'subscribe', filters: [{ kind: 'cobot' }] }],
    ['unsub 4', { name: 'unsubscribe', target: { kind: 'id', id: 4 } }],
    ['help unsub', { name: 'help', topic: 'unsubscribe' }],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });
});

describe('parseCommand: words', () => {
  it('ignores case in command names and keywords', () => {
    expect(command('TIMELINE CoBot YESTERDAY')).toEqual({
      name: 'timeline',
      target: { kind: 'cobot' },
      date: { kind: 'yesterday' },
    });
    expect(command('Agenda SET Mine x')).toEqual({ name: 'agenda', action: 'set', scope: 'mine', text: 'x' });
    expect(command('TL')).toEqual({ name: 'timeline', target: { kind: 'me' } });
    expect(command('UnSubscribe ALL')).toEqual({ name: 'unsubscribe', target: { kind: 'all' } });
  });

  it('tolerates extra whitespace of any kind', () => {
    expect(command('   timeline \t cobot\n  today  ')).toEqual({
      name: 'timeline',
      target: { kind: 'cobot' },
      date: { kind: 'today' },
    });
    expect(command('\u00a0whoami\u00a0')).toEqual({ name: 'whoami' });
  });

  it('skips a leading /coop or coop word', () => {
    expect(command('/coop timeline')).toEqual({ name: 'timeline', target: { kind: 'me' } });
    expect(command('coop timeline')).toEqual({ name: 'timeline', target: { kind: 'me' } });
    expect(command('COOP post hi')).toEqual({ name: 'post', text: 'hi' });
    expect(command('coop')).toEqual({ name: 'help' });
    expect(command('/coop')).toEqual({ name: 'help' });
  });

  it('reads empty or blank input as help', () => {
    expect(command('')).toEqual({ name: 'help' });
    expect(command('   \n\t ')).toEqual({ name: 'help' });
  });

  it('works without a mention table', () => {
    expect(parseCommand({ text: 'timeline cobot' })).toEqual({ name: 'timeline', target: { kind: 'cobot' } });
  });

  it('answers even a broken mention table with a usage error, not an exception', () => {
    const broken = {
      keys: () => {
        throw new Error('boom');
      },
    } as unknown as ReadonlyMap<string, MentionRef>;
    const result = parseCommand({ text: 'timeline', mentions: broken });
    expect(result).toMatchObject({ kind: 'usage', message: INTERNAL_ERROR_MESSAGE, usage: 'help [command]' });
    expect(isUsageError(result)).toBe(true);
  });

  it('answers a missing text (untyped callers) with help rather than a crash', () => {
    const broken = { text: undefined } as unknown as { text: string };
    expect(parseCommand(broken)).toEqual({ name: 'help' });
  });
});

describe('parseCommand: free text is verbatim', () => {
  it('keeps runs of spaces, tabs and newlines inside the text and trims only its ends', () => {
    const text = 'Shipping  the release\n\n  - step one\n\t- step two';
    expect(command(`post ${text}`)).toEqual({ name: 'post', text });
    expect(command(`post   \n${text}   \n`)).toEqual({ name: 'post', text });
    expect(command(`post\n${text}`)).toEqual({ name: 'post', text });
  });

  it('keeps quotes, markup and mention tokens as typed', () => {
    const text = 'ask <@U123|ada> about "the *release*" & <https://x.test|x>';
    expect(command(`post ${text}`)).toEqual({ name: 'post', text });
    expect(command(`cobot ${text}`)).toEqual({ name: 'cobot', text });
  });

  it('keeps words that look like commands or keywords', () => {
    expect(command('post help')).toEqual({ name: 'post', text: 'help' });
    expect(command('post coop today yesterday')).toEqual({ name: 'post', text: 'coop today yesterday' });
    expect(command('coop post coop')).toEqual({ name: 'post', text: 'coop' });
  });

  it('keeps Textile agendas line by line', () => {
    expect(command('agenda set * demo Friday\n* code freeze')).toEqual({
      name: 'agenda',
      action: 'set',
      scope: 'group',
      text: '* demo Friday\n* code freeze',
    });
    expect(command('agenda mine set\n* a\n  * b')).toMatchObject({ scope: 'mine', text: '* a\n  * b' });
  });

  it('keeps the time entry note verbatim', () => {
    expect(command('time 2 1 2 Pairing  on\nlogin')).toMatchObject({ text: 'Pairing  on\nlogin' });
  });
});
