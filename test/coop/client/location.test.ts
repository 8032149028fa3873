import { describe, expect, it } from 'vitest';
import { idFromLocation } from '../../../src/coop/client/location.js';

describe('idFromLocation', () => {
  it.each([
    ['/statuses/123', 'statuses', 123],
    ['/statuses/123/', 'statuses', 123],
    ['/statuses/123.xml', 'statuses', 123],
    ['/statuses/123.json', 'statuses', 123],
    ['http://coopapp.com/statuses/123.xml', 'statuses', 123],
    ['https://example.org/coop/statuses/916273?x=1#y', 'statuses', 916273],
    ['statuses/7', 'statuses', 7],
    ['  /statuses/8  ', 'statuses', 8],
    ['/groups/1/day_entries/9', 'day_entries', 9],
    ['http://127.0.0.1:4000/groups/1/day_entries/1373078.xml', 'day_entries', 1373078],
  ])('reads %s', (location, collection, id) => {
    expect(idFromLocation(location, collection)).toBe(id);
  });

  it.each([
    [undefined, 'statuses'],
    ['', 'statuses'],
    ['/statuses', 'statuses'],
    ['/statuses/abc', 'statuses'],
    ['/statuses/0', 'statuses'],
    ['/statuses/-3', 'statuses'],
    ['/statuses/1.5', 'statuses'],
    ['/statuses/12345678901234567890', 'statuses'],
    ['/groups/1', 'statuses'],
    ['/groups/1/day_entries/9', 'statuses'],
    ['http://[bad', 'statuses'],
  ])('refuses %s', (location, collection) => {
    expect(idFromLocation(location, collection)).toBeUndefined();
  });
});
