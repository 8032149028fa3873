import { describe, expect, it } from 'vitest';
import { daysInMonth, isLeapYear, looksLikeDate, parseDate } from '../../../src/core/grammar/parse-date.js';

describe('parseDate', () => {
  it.each([
    ['today', { kind: 'today' }],
    ['TODAY', { kind: 'today' }],
    ['yesterday', { kind: 'yesterday' }],
    ['Yesterday', { kind: 'yesterday' }],
    ['20240501', { kind: 'day', ymd: '20240501' }],
    ['2024-05-01', { kind: 'day', ymd: '20240501' }],
    ['2012-03-02', { kind: 'day', ymd: '20120302' }],
    ['19700101', { kind: 'day', ymd: '19700101' }],
    ['2024-12-31', { kind: 'day', ymd: '20241231' }],
  ])('%j', (word, expected) => {
    expect(parseDate(word)).toEqual({ ok: true, value: expected });
  });

  it('knows leap years: divisible by 4, except centuries not divisible by 400', () => {
    expect(parseDate('20240229')).toEqual({ ok: true, value: { kind: 'day', ymd: '20240229' } });
    expect(parseDate('2000-02-29')).toEqual({ ok: true, value: { kind: 'day', ymd: '20000229' } });
    expect(parseDate('2400-02-29').ok).toBe(true);
    expect(parseDate('20230229')).toEqual({
      ok: false,
      problem: expect.stringContaining('February 2023 has 28'),
    });
    expect(parseDate('2100-02-29')).toEqual({
      ok: false,
      problem: expect.stringContaining('February 2100 has 28'),
    });
    expect(parseDate('1900-02-29').ok).toBe(false);
    expect(parseDate('20240230')).toEqual({
      ok: false,
      problem: expect.stringContaining('February 2024 has 29'),
    });
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it('knows the length of every month', () => {
    const lengths = Array.from({ length: 12 }, (_, i) => daysInMonth(2023, i + 1));
    expect(lengths).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(parseDate('2024-04-31').ok).toBe(false);
    expect(parseDate('2024-04-30').ok).toBe(true);
    expect(parseDate('2024-01-32').ok).toBe(false);
  });

  it.each([
    ['2024-00-10', /no month 0/],
    ['2024-13-10', /no month 13/],
    ['2024-05-00', /May 2024 has 31 days/],
    ['1969-12-31', /before 1970/],
    ['2024-5-1', /isn't a date/],
    ['240501', /isn't a date/],
    ['2024/05/01', /isn't a date/],
    ['202405-01', /isn't a date/],
    ['tomorrow', /Write YYYYMMDD, YYYY-MM-DD, today or yesterday/],
    ['', /isn't a date/],
  ])('refuses %j', (word, problem) => {
    const parsed = parseDate(word);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it('tells dates from other words', () => {
    for (const word of ['today', 'Yesterday', '20240501', '2024-05-01', '12', '-3', '2024-13-01']) {
      expect(looksLikeDate(word)).toBe(true);
    }
    for (const word of ['me', 'cobot', '@ada', 'ada@example.com', '-', 'tomorrow', '2024/05/01']) {
      expect(looksLikeDate(word)).toBe(false);
    }
  });
});
