import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, type CommandName, usageErrorText } from '../../../src/core/grammar/index.js';
import { usage } from './parse-helpers.js';

/** [input, command the error is about, words the message must contain] */
const CASES: readonly [string, CommandName, RegExp][] = [
  ['logout now', 'logout', /logout takes nothing/],
  ['whoami please', 'whoami', /takes nothing/],
  ['groups all', 'groups', /takes nothing/],
  ['members Design', 'members', /takes nothing/],
  ['feeds x', 'feeds', /takes nothing/],
  ['login hunter2', 'login', /email first/],
  ['use', 'use', /needs a group id or name/],
  ['use 0', 'use', /"0" isn't a group id/],
  ['post', 'post', /post needs some text/],
  ['post    \n  ', 'post', /post needs some text/],
  ['cobot', 'cobot', /needs the text/],
  ['delete', 'delete', /needs the id/],
  ['delete note', 'delete', /needs the id/],
  ['delete abc', 'delete', /"abc" isn't a note id/],
  ['delete -3', 'delete', /"-3" isn't a note id/],
  ['delete 0', 'delete', /"0" isn't a note id/],
  ['delete 1.5', 'delete', /"1.5" isn't a note id/],
  ['delete 99999999999999999999', 'delete', /isn't a note id/],
  ['delete 1 2', 'delete', /one id only; "2"/],
  ['show', 'show', /needs the id/],
  ['show x1', 'show', /"x1" isn't a note id/],
  ['timeline 2024-13-01', 'timeline', /no month 13/],
  ['timeline 20240230', 'timeline', /February 2024 has 29 days/],
  ['timeline 2024-5-1', 'timeline', /isn't a date. Write YYYYMMDD/],
  ['timeline ada', 'timeline', /"ada" isn't a person/],
  ['timeline @nobody', 'timeline', /couldn't tell who "@nobody" is/],
  ['timeline <@U999>', 'timeline', /couldn't tell who "<@U999>" is/],
  ['timeline me cobot', 'timeline', /one person at a time/],
  ['timeline today yesterday', 'timeline', /one date/],
  ['timeline me today extra', 'timeline', /at most a person and a date/],
  ['today tomorrow', 'today', /"tomorrow" isn't a date/],
  ['today 20230229', 'today', /February 2023 has 28 days/],
  ['today today today', 'today', /one date/],
  ['agenda bogus', 'agenda', /agenda takes mine, everyone or set/],
  ['agenda mine extra', 'agenda', /agenda mine takes nothing/],
  ['agenda set', 'agenda', /agenda set needs the text/],
  ['agenda set mine', 'agenda', /needs the text of your agenda/],
  ['agenda mine set  ', 'agenda', /needs the text of your agenda/],
  ['time', 'time', /needs hours, a project id, a task id and a note/],
  ['time abc 1 2 x', 'time', /"abc" isn't a number of hours/],
  ['time 25 1 2 x', 'time', /"25" is more than a day; log at most 24/],
  ['time 24:01 1 2 x', 'time', /more than a day/],
  ['time 0 1 2 x', 'time', /more than 0/],
  ['time 0:00 1 2 x', 'time', /more than 0/],
  ['time 1:75 1 2 x', 'time', /odd minutes/],
  ['time 1,5 1 2 x', 'time', /isn't a number of hours/],
  ['time 1.5', 'time', /project id after the hours/],
  ['time 1.5 p 2 x', 'time', /"p" isn't a project id/],
  ['time 1.5 1', 'time', /task id after the project id/],
  ['time 1.5 1 -2 x', 'time', /"-2" isn't a task id/],
  ['time 1.5 1 2', 'time', /needs a note/],
  ['timer', 'timer', /needs the id of one of your time entries/],
  ['timer x', 'timer', /"x" isn't a time entry id/],
  ['subscribe notez', 'subscribe', /"notez" isn't a filter. Did you mean notes\?/],
  ['subscribe Cobots', 'subscribe', /Did you mean cobot\?/],
  ['subscribe 12 bogus', 'subscribe', /"bogus" isn't a filter/],
  ['subscribe cobot bogus', 'subscribe', /"bogus" isn't a filter/],
  ['subscribe all cobot', 'subscribe', /all already means every status/],
  ['subscribe user:', 'subscribe', /user: needs someone/],
  ['subscribe user:ada', 'subscribe', /"ada" isn't a person/],
  ['subscribe user:@nobody', 'subscribe', /couldn't tell who "@nobody" is/],
  ['subscribe 0', 'subscribe', /"0" isn't a group id/],
  ['subscribe ada@example.com', 'subscribe', /write "user:ada@example.com"/],
  ['unsubscribe x', 'unsubscribe', /"x" isn't a subscription id/],
  ['unsubscribe 1 2', 'unsubscribe', /one subscription id, or all/],
  ['help bogus', 'help', /There is no command called "bogus"/],
];

describe('usage errors', () => {
  it.each(CASES)('%j', (text, name, message) => {
    const error = usage(text);
    expect(error.kind).toBe('usage');
    expect(error.command).toBe(name);
    expect(error.message).toMatch(message);
    expect(error.usage).toBe(COMMAND_SPECS[name].usage);
    expect(error.example).toBe(COMMAND_SPECS[name].example);
  });

  it('reads as one line with usage and example', () => {
    expect(usageErrorText(usage('post'))).toBe(
      'post needs some text. Usage: post <text>. Example: post Shipping the release today',
    );
    expect(usageErrorText(usage('subscribe bogus x'))).toMatch(
      /Usage: subscribe \[group\] .*\]… Example: subscribe cobot$/,
    );
  });

  it('never quotes the words of a login, one of which may be a password', () => {
    expect(usage('login hunter2 secret').message).not.toMatch(/hunter2|secret/);
  });

  it('cuts a long word short when quoting it', () => {
    const error = usage(`delete ${'9x'.repeat(500)}`);
    expect(error.message.length).toBeLessThan(120);
    expect(error.message).toContain('…"');
  });
});

describe('unknown commands', () => {
  it.each([
    ['tiemline', 'timeline'],
    ['pots hello', 'post'],
    ['poost hello', 'post'],
    ['agnda', 'agenda'],
    ['subscibe cobot', 'subscribe'],
    ['subscr', 'subscribe'],
    ['unsubscrib', 'unsubscribe'],
    ['whoam', 'whoami'],
    ['feed', 'feeds'],
    ['tll', 'timeline'],
    ['notes', 'post'],
    ['HLEP', 'help'],
  ])('%j suggests %s', (text, suggestion) => {
    const error = usage(text);
    expect(error.command).toBeUndefined();
    expect(error.message).toContain(`Did you mean ${suggestion}?`);
    expect(error.message).toContain('Send help');
    expect(error.usage).toBe('help [command]');
  });

  it('names the unknown word and suggests nothing when nothing is close', () => {
    const error = usage('frobnicate the widgets');
    expect(error.message).toBe(
      'I don\'t know a command called "frobnicate". Send help to list the commands.',
    );
    expect(usage('x').message).not.toContain('Did you mean');
  });

  it('suggests a command for a mistyped help topic', () => {
    expect(usage('help tiemline').message).toContain('Did you mean timeline?');
  });
});
