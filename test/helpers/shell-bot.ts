import { PassThrough } from 'node:stream';
import { runShell } from '../../adapters/shell/run-shell.js';
import { CoopClient } from '../../src/coop/client/coop-client.js';
import type { RunningCoopServer } from '../../src/coop-server/start-coop-server.js';
import { type Core, createCore } from '../../src/core/create-core.js';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { startTestCoopServer } from './coop-server.js';

/** The whole bot minus `main.ts`: demo Co-op server, store, core, and a scripted terminal. */
export interface ShellBot {
  coop: RunningCoopServer;
  store: Store;
  core: Core;
  client: CoopClient;
  /** Runs the lines as a script on standard input would, returns everything printed. */
  script(...lines: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startShellBot(
  options: { storeUrl?: string; format?: 'json' | 'xml'; env?: Record<string, string> } = {},
): Promise<ShellBot> {
  const coop = await startTestCoopServer({ seed: 'demo' });
  const logger = silentLogger();
  const store = await openStore({
    url: options.storeUrl ?? 'sqlite::memory:',
    logger,
    env: options.env ?? {},
  });
  const client = new CoopClient({ baseUrl: coop.url, format: options.format ?? 'json', retries: 0, logger });
  const core = createCore({ store, coop: client, logger });
  return {
    coop,
    store,
    core,
    client,
    async script(...lines) {
      const input = new PassThrough();
      const output = new PassThrough();
      const chunks: string[] = [];
      output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
      input.end(`${lines.join('\n')}\n`);
      await runShell({ core, input, output, interactive: false });
      return chunks.join('');
    },
    async close() {
      await client.close();
      await store.close();
      await coop.close();
    },
  };
}
