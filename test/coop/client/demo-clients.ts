import { expect } from 'vitest';
import { CoopClient } from '../../../src/coop/client/coop-client.js';
import { CoopError } from '../../../src/coop/coop-error.js';
import type { WireFormat } from '../../../src/coop/types.js';
import { dayInZone, zoneFromRails } from '../../../src/coop/zone.js';
import { startTestCoopServer } from '../../helpers/coop-server.js';

export const COBOT_KEY = 'fawlty-cobot-key';
const login = (who: string) => ({ email: `${who}@fawltytowers.com`, password: 'fawlty' });

/** The demo Co-op server with clients for Basil and Sybil in one wire format, and the demo's ids. */
export async function demoClients(format: WireFormat) {
  const server = await startTestCoopServer({ seed: 'demo' });
  const basil = new CoopClient({ baseUrl: server.url, format, credentials: login('basil'), retries: 0 });
  const sybil = basil.withCredentials(login('sybil'));
  const groups = await basil.groups();
  const towers = groups.find((g) => g.name === 'Fawlty Towers')?.id ?? 0;
  const gourmet = groups.find((g) => g.name === 'Gourmet Night')?.id ?? 0;
  const members = await basil.members(towers);
  const idOf = (who: string) => members.find((m) => m.email === login(who).email)?.id ?? 0;
  return {
    server,
    basil,
    sybil,
    anonymous: basil.withCredentials(undefined),
    ids: { towers, gourmet, basil: idOf('basil'), sybil: idOf('sybil') },
    async close() {
      await basil.close();
      await server.close();
    },
  };
}

export type Demo = Awaited<ReturnType<typeof demoClients>>;

/** Today in the demo group's zone (London), as the date routes want it. */
export function londonToday(): string {
  return dayInZone(Date.now(), zoneFromRails('London'));
}

/** The CoopError a promise rejects with. */
export async function failure(promise: Promise<unknown>): Promise<CoopError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CoopError);
  return err as CoopError;
}
