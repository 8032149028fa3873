import type { FastifyInstance } from 'fastify';
import { type RunningCoopServer, startCoopServer } from '../../src/coop-server/start-coop-server.js';

export interface TestCoopServerOptions {
  /** `'demo'` (default: false) loads Fawlty Towers: basil@/sybil@/polly@/manuel@fawltytowers.com, password `fawlty`. */
  seed?: 'demo' | false;
  /** The server's clock in epoch ms, for tests that cross days or run timers. */
  now?: () => number;
  /** Runs before the server listens: add Fastify hooks to count requests or inject faults. */
  configure?: (app: FastifyInstance) => void;
}

/** A Co-op server for one test: an in-memory database, listening on 127.0.0.1 on a free port. */
export function startTestCoopServer(options: TestCoopServerOptions = {}): Promise<RunningCoopServer> {
  return startCoopServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: ':memory:',
    ...(options.seed === 'demo' ? { seed: 'demo' as const } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.configure ? { configure: options.configure } : {}),
  });
}
