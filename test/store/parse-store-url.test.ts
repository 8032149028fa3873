import { describe, expect, it } from 'vitest';
import { parseStoreUrl } from '../../src/store/parse-store-url.js';

describe('parseStoreUrl', () => {
  it.each([
    ['sqlite:./data/coop-bridge.db', './data/coop-bridge.db'],
    ['sqlite:data.db', 'data.db'],
    ['sqlite:///var/lib/coop.db', '/var/lib/coop.db'],
    ['sqlite://rel/coop.db', 'rel/coop.db'],
    ['sqlite::memory:', ':memory:'],
    [':memory:', ':memory:'],
    ['./data/coop-bridge.db', './data/coop-bridge.db'],
    ['/abs/coop.db', '/abs/coop.db'],
    ['  spaced.db  ', 'spaced.db'],
  ])('%s is the SQLite database %s', (url, path) => {
    expect(parseStoreUrl(url)).toEqual({ flavor: 'sqlite', path });
  });

  it.each(['postgres://u:p@localhost:5432/db', 'postgresql://localhost/db'])('%s is PostgreSQL', (url) => {
    expect(parseStoreUrl(url)).toEqual({ flavor: 'postgres', url });
  });

  it('rejects other schemes with store_unsupported', () => {
    expect(() => parseStoreUrl('mysql://localhost/db')).toThrow(
      expect.objectContaining({ code: 'store_unsupported' }),
    );
  });

  it.each(['', '   ', 'sqlite:', 'sqlite://'])('rejects %j with store_url_invalid', (url) => {
    expect(() => parseStoreUrl(url)).toThrow(expect.objectContaining({ code: 'store_url_invalid' }));
  });
});
