import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildCoopServer, type CoopServerOptions } from './build-coop-server.js';
import { type CoopDb, openCoopDb } from './coop-db.js';
import { seedDemo } from './seed-demo.js';

export interface StartCoopServerOptions {
  port: number;
  host?: string;
  /** A SQLite file (its folder is created) or `:memory:`. */
  dbPath: string;
  seed?: 'demo';
  logger?: Logger;
  now?: () => number;
  /** Runs before `listen`: add hooks here (request counters, injected faults). */
  configure?: (app: FastifyInstance) => void;
}

export interface RunningCoopServer {
  /** e.g. `http://127.0.0.1:4567`, no trailing slash. */
  url: string;
  app: FastifyInstance;
  db: CoopDb;
  close(): Promise<void>;
}

/** Opens the database, seeds it if asked, and listens. */
export async function startCoopServer(options: StartCoopServerOptions): Promise<RunningCoopServer> {
  const host = options.host ?? '127.0.0.1';
  const db = openCoopDb(options.dbPath);
  try {
    if (options.seed === 'demo') await seedDemo(db, new Date(options.now ? options.now() : Date.now()));
    const serverOptions: CoopServerOptions = { db };
    if (options.logger) serverOptions.logger = options.logger;
    if (options.now) serverOptions.now = options.now;
    const app = buildCoopServer(serverOptions);
    options.configure?.(app);
    await app.listen({ port: options.port, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
      url,
      app,
      db,
      close: async () => {
        await app.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
