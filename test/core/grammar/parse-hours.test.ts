import { describe, expect, it } from 'vitest';
import { parseHours } from '../../../src/core/grammar/parse-hours.js';

describe('parseHours', () => {
  it.each([
    ['1.5', 1.5],
    ['0.75', 0.75],
    ['.5', 0.5],
    ['8', 8],
    ['24', 24],
    ['24.0', 24],
    ['1:30', 1.5],
    ['0:45', 0.75],
    ['0:01', 1 / 60],
    ['24:00', 24],
    ['007', 7],
  ])('%j is %d hours', (word, hours) => {
    expect(parseHours(word)).toEqual({ ok: true, value: hours });
  });

  it.each([
    ['abc', /isn't a number of hours/],
    ['1,5', /isn't a number of hours/],
    ['1.', /isn't a number of hours/],
    ['-1', /isn't a number of hours/],
    ['1e1', /isn't a number of hours/],
    ['1.5h', /isn't a number of hours/],
    ['', /isn't a number of hours/],
    ['0', /more than 0/],
    ['0.00', /more than 0/],
    ['0:00', /more than 0/],
    ['25', /more than a day/],
    ['24.01', /more than a day/],
    ['24:01', /more than a day/],
    ['99999999999999999999999', /more than a day/],
    ['1:60', /odd minutes/],
    ['1:5', /odd minutes/],
    ['1:005', /odd minutes/],
  ])('refuses %j', (word, problem) => {
    const parsed = parseHours(word);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});
