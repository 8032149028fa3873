import { describe, expect, it } from 'vitest';
import { checkKey, dateSegment, idSegment, userSegment } from '../../../src/coop/client/paths.js';
import { CoopError } from '../../../src/coop/coop-error.js';

describe('path segments', () => {
  it('accepts positive integer ids only', () => {
    expect(idSegment(12561, 'group id')).toBe('12561');
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => idSegment(bad, 'group id')).toThrow(CoopError);
    }
  });

  it('accepts Cobot as cobot or 0', () => {
    expect(userSegment('cobot')).toBe('cobot');
    expect(userSegment(0)).toBe('0');
    expect(userSegment(24105)).toBe('24105');
    expect(() => userSegment(-2)).toThrow(/Invalid user id/);
  });

  it('sends dates as YYYYMMDD and refuses impossible or foreign ones', () => {
    expect(dateSegment('20120303')).toBe('20120303');
    expect(dateSegment('2012-03-03')).toBe('20120303');
    expect(dateSegment('20120229')).toBe('20120229');
    for (const bad of [
      '20110229',
      '20121301',
      '2012033',
      '2012/03/03',
      '../../x',
      'today',
      '20120303?key=1',
    ]) {
      expect(() => dateSegment(bad)).toThrow(expect.objectContaining({ code: 'bad_request' }));
    }
  });

  it('refuses an empty Cobot key', () => {
    expect(checkKey('abc')).toBe('abc');
    expect(() => checkKey('  ')).toThrow(/Cobot key is empty/);
  });
});
