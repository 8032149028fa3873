import { createLogger } from '../../log/logger.js';
import { startCoopServer } from '../start-coop-server.js';
import type { CliIo } from './cli-io.js';

export interface ServeArgs {
  port: number;
  host: string;
  dbPath: string;
  seed: string | undefined;
}

/** Starts the server, prints its URL, and closes it cleanly on SIGINT/SIGTERM. */
export async function serve(args: ServeArgs, io: CliIo): Promise<void> {
  const server = await startCoopServer({
    port: args.port,
    host: args.host,
    dbPath: args.dbPath,
    ...(args.seed === 'demo' ? { seed: 'demo' as const } : {}),
    logger: createLogger({ name: 'coop-server' }),
  });
  io.out(`Co-op server listening on ${server.url} (database ${args.dbPath})`);
  if (args.seed === 'demo') {
    io.out(
      'Demo logins: basil@fawltytowers.com (also sybil@, polly@, manuel@), password "fawlty"; Cobot key fawlty-cobot-key',
    );
  }
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
