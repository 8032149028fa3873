import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildCoopServer } from '../../src/coop-server/build-coop-server.js';
import { type CoopDb, openCoopDb } from '../../src/coop-server/coop-db.js';
import { seedDemo } from '../../src/coop-server/seed-demo.js';

/** Shared set-up for the server tests: the demo data on a fixed clock, called through `inject`. */

export const DEMO_NOW = Date.UTC(2012, 2, 5, 12, 0, 0); // Mon 5 Mar 2012, 12:00 UTC (= London)
export const COBOT_KEY = 'fawlty-cobot-key';
export const TOWERS = 1;
export const GOURMET = 2;

export function basic(who: string, password = 'fawlty'): string {
  const email = who.includes('@') ? who : `${who}@fawltytowers.com`;
  return `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
}

export interface DemoServer {
  app: FastifyInstance;
  db: CoopDb;
  clock: { now: number };
  /** `inject` with Basic for `who` (when given) and Accept JSON unless other headers say otherwise. */
  call(options: InjectOptions & { as?: string }): Promise<LightMyRequestResponse>;
  json<T = unknown>(options: InjectOptions & { as?: string }): Promise<T>;
  idOf(who: string): number;
  close(): Promise<void>;
}

export async function demoServer(options: { seed?: boolean } = {}): Promise<DemoServer> {
  const db = openCoopDb(':memory:');
  const clock = { now: DEMO_NOW };
  if (options.seed !== false) await seedDemo(db, new Date(DEMO_NOW));
  const app = buildCoopServer({ db, now: () => clock.now });
  const call = ({ as, ...inject }: InjectOptions & { as?: string }) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (as) headers.authorization = basic(as);
    return app.inject({ ...inject, headers: { ...headers, ...(inject.headers as Record<string, string>) } });
  };
  return {
    app,
    db,
    clock,
    call,
    async json<T>(options: InjectOptions & { as?: string }) {
      const response = await call(options);
      if (response.statusCode !== 200) throw new Error(`${response.statusCode}: ${response.body}`);
      return response.json() as T;
    },
    idOf: (who) => db.users.byEmail(`${who}@fawltytowers.com`)?.id ?? -1,
    async close() {
      await app.close();
      db.close();
    },
  };
}

/** The id at the end of a `Location` header. */
export function idFromLocation(response: LightMyRequestResponse): number {
  const location = String(response.headers.location ?? '');
  return Number(location.split('/').at(-1));
}

export interface WireStatus {
  id: number;
  type: 'Note' | 'DayEntry';
  text: string;
  group_id: number;
  created_at: string;
  user: { id: number; name: string; email: string };
  hours?: number;
  timer_started_at?: string | null;
  spent_at?: string;
}
