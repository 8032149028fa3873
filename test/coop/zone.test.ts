import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayBounds, dayInZone, offsetMinutesAt, zoneFromRails } from '../../src/coop/zone.js';

describe('zone', () => {
  it('maps Rails names to IANA and falls back to UTC for unknown names', () => {
    expect(zoneFromRails('London')).toEqual({ railsName: 'London', iana: 'Europe/London', known: true });
    expect(zoneFromRails('Eastern Time (US & Canada)').iana).toBe('America/New_York');
    expect(zoneFromRails('Atlantis')).toEqual({ railsName: 'Atlantis', iana: 'UTC', known: false });
    expect(zoneFromRails('Europe/Berlin').iana).toBe('Europe/Berlin');
  });
  it('computes offsets with daylight saving', () => {
    const ny = zoneFromRails('Eastern Time (US & Canada)');
    expect(offsetMinutesAt(Date.UTC(2012, 2, 3, 3, 51), ny)).toBe(-300);
    expect(offsetMinutesAt(Date.UTC(2012, 6, 3, 3, 51), ny)).toBe(-240);
  });
  it('takes the day in the group zone, not UTC', () => {
    const ny = zoneFromRails('Eastern Time (US & Canada)');
    // 03:51 UTC on 3 March is still 2 March in New York (the 2012 capture).
    expect(dayInZone(Date.UTC(2012, 2, 3, 3, 51), ny)).toBe('20120302');
    const { startMs, endMs } = dayBounds('20120302', ny);
    expect(startMs).toBe(Date.UTC(2012, 2, 2, 5));
    expect(endMs).toBe(Date.UTC(2012, 2, 3, 5));
  });
  it('handles a DST day of 23 hours', () => {
    const london = zoneFromRails('London');
    const { startMs, endMs } = dayBounds('20260329', london);
    expect((endMs - startMs) / 3_600_000).toBe(23);
  });
  it('adds days across months and years', () => {
    expect(addDays('20121231', 1)).toBe('20130101');
    expect(addDays('20120301', -1)).toBe('20120229');
  });

  it('cached offsets agree with Intl at any instant, across DST changes', () => {
    const zones = ['London', 'Eastern Time (US & Canada)', 'Brisbane', 'Kathmandu', 'Adelaide'].map(
      zoneFromRails,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1_200_000_000_000, max: 1_900_000_000_000 }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone.iana, timeZoneName: 'longOffset' })
            .formatToParts(new Date(ms))
            .find((p) => p.type === 'timeZoneName')?.value;
          const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(parts ?? '');
          const expected = m?.[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
          expect(offsetMinutesAt(ms, zone)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
