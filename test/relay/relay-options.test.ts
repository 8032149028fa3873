import { describe, expect, it } from 'vitest';
import { CoopClient } from '../../src/coop/client/coop-client.js';
import { silentLogger } from '../../src/log/logger.js';
import { createRelay } from '../../src/relay/create-relay.js';
import type { RelayOptions } from '../../src/relay/relay-options.js';
import type { Store } from '../../src/store/store.js';

const base: RelayOptions = {
  store: {} as Store,
  coop: new CoopClient({ baseUrl: 'http://127.0.0.1:9' }),
  sinks: new Map(),
  logger: silentLogger(),
};

describe('relay options', () => {
  it.each<[Partial<RelayOptions>, string]>([
    [{ pollIntervalMs: 0 }, 'pollIntervalMs'],
    [{ maxFailures: -1 }, 'maxFailures'],
    [{ maxPollsInFlight: Number.NaN }, 'maxPollsInFlight'],
    [{ seenRetention: { maxAgeMs: 24 * 3_600_000, keepNewest: 200 } }, 'seenRetention'],
  ])('refuses %j with relay_option_invalid naming the option', (options, option) => {
    expect(() => createRelay({ ...base, ...options })).toThrow(
      expect.objectContaining({ code: 'relay_option_invalid', option }),
    );
  });
});
