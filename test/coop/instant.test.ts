import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/coop/instant.js';

describe('parseInstant', () => {
  it('reads ISO 8601 with an offset and keeps the offset', () => {
    const t = parseInstant('2012-03-02T22:51:00-05:00');
    expect(t).toEqual({ epochMs: Date.UTC(2012, 2, 3, 3, 51, 0), offsetMinutes: -300 });
  });
  it('reads the Z form', () => {
    expect(parseInstant('2009-07-07T08:27:57Z')).toEqual({
      epochMs: Date.UTC(2009, 6, 7, 8, 27, 57),
      offsetMinutes: 0,
    });
  });
  it('reads the Rails 2 JSON form', () => {
    expect(parseInstant('2008/06/11 09:25:04 -0400')).toEqual({
      epochMs: Date.UTC(2008, 5, 11, 13, 25, 4),
      offsetMinutes: -240,
    });
  });
  it('trims whitespace and refuses garbage', () => {
    expect(parseInstant('  2009-07-09T22:42:03Z \n')?.offsetMinutes).toBe(0);
    expect(parseInstant('yesterday')).toBeUndefined();
    expect(parseInstant('')).toBeUndefined();
  });
  it('formats back to the same text', () => {
    for (const text of ['2012-03-02T22:51:00-05:00', '2009-07-07T08:27:57Z', '2011-01-20T14:10:13+05:30']) {
      expect(formatInstant(parseInstant(text)!)).toBe(text);
    }
  });
  it('round-trips any whole-second instant and offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000 }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        (seconds, quarterHours) => {
          const instant = { epochMs: seconds * 1000, offsetMinutes: quarterHours * 15 };
          expect(parseInstant(formatInstant(instant))).toEqual(instant);
        },
      ),
    );
  });
});
