import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { runShell } from '../adapters/shell/run-shell.js';
import { type Config, ConfigError, loadConfig } from './config/load-config.js';
import { CoopClient } from './coop/client/coop-client.js';
import { startCoopServer } from './coop-server/start-coop-server.js';
import { createCore } from './core/create-core.js';
import { createLogger, type Logger } from './log/logger.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

const DEMO_GROUP_ID = 1;

/**
 * The composition root: config → logger → Co-op (remote or embedded) → store → core → adapter.
 * With no chat platform configured it runs the terminal adapter, logging to a file so the
 * prompt stays readable.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const logFile = path.join(config.DATA_DIR, 'coop-bridge.log');
  const logger = createLogger({
    level: config.LOG_LEVEL,
    destination: pino.destination({ dest: logFile, sync: true }),
  });
  const interactive = process.stdin.isTTY === true;
  const say = (text: string) => {
    if (interactive) process.stdout.write(`${text}\n`);
  };

  const embedded = config.COOP_URL ? undefined : await startEmbeddedCoop(config, logger);
  const coopUrl = config.COOP_URL ?? embedded?.url ?? '';
  const coop = new CoopClient({
    baseUrl: coopUrl,
    format: config.COOP_FORMAT,
    timeoutMs: config.COOP_TIMEOUT_MS,
    logger,
  });
  const store = await openStore({
    url: config.DATABASE_URL ?? `sqlite:${path.join(config.DATA_DIR, 'coop-bridge.db')}`,
    logger,
  });
  if (embedded) await useDemoGroupInGeneral(store);
  const core = createCore({ store, coop, logger, confirmPostsInChannel: config.SLACK_CONFIRM_POSTS });

  say(banner(coopUrl, embedded !== undefined, logFile));
  try {
    await runShell({ core, input: process.stdin, output: process.stdout, interactive });
  } finally {
    await coop.close();
    await store.close();
    await embedded?.close();
  }
}

/** The demo's Basil sees two groups; #general starts on Fawlty Towers so `post` works at once. */
async function useDemoGroupInGeneral(store: Store): Promise<void> {
  const general = { platform: 'shell', workspaceId: 'local', channelId: 'general' } as const;
  const settings = await store.getChannel(general);
  if (settings?.groupId == null) await store.setChannelGroup(general, DEMO_GROUP_ID);
}

async function startEmbeddedCoop(config: Config, logger: Logger) {
  return startCoopServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: path.join(config.DATA_DIR, 'coop-server.db'),
    seed: 'demo',
    logger: logger.child({ component: 'coop-server' }),
  });
}

function banner(coopUrl: string, embedded: boolean, logFile: string): string {
  const server = embedded
    ? `Embedded Co-op server at ${coopUrl} with demo data: group "Fawlty Towers";\n` +
      '  members basil@, sybil@, polly@ and manuel@fawltytowers.com, each with the password "fawlty";\n' +
      '  #general uses Fawlty Towers (`/coop use 2` switches a channel to Gourmet Night).'
    : `Co-op server: ${coopUrl}`;
  return [
    'coop-bridge — chat with the bot as if in Slack or Discord.',
    server,
    `Logs: ${logFile}`,
    'Begin with:  /coop login basil@fawltytowers.com   then   /coop post Hello   and   !timeline',
    'Type /help for the terminal commands, /coop help for the bot commands.',
  ].join('\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exit(2);
  }
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `coop-bridge could not start${typeof code === 'string' ? ` (${code})` : ''}: ${message}\n`,
  );
  process.exit(1);
});
