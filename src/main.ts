import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { startDiscordAdapter } from '../adapters/discord/index.js';
import { runShell } from '../adapters/shell/run-shell.js';
import { ShellSink } from '../adapters/shell/shell-sink.js';
import { startSlackAdapter } from '../adapters/slack/index.js';
import { type Config, ConfigError, loadConfig } from './config/load-config.js';
import { CoopClient } from './coop/client/coop-client.js';
import { startCoopServer } from './coop-server/start-coop-server.js';
import { type Core, createCore } from './core/create-core.js';
import { createLogger, type Logger } from './log/logger.js';
import { Metrics } from './metrics/metrics.js';
import { relayMetrics } from './metrics/relay-metrics.js';
import { coopHealthCheck, storeHealthCheck } from './ops/health-checks.js';
import { type OpsRoute, opsRoutes } from './ops/ops-routes.js';
import { startOpsServer } from './ops/start-ops-server.js';
import type { ChatSink } from './relay/chat-sink.js';
import { createRelay } from './relay/create-relay.js';
import type { RelayOptions } from './relay/relay-options.js';
import { openStore } from './store/open-store.js';
import type { Platform, Store } from './store/store.js';

const DEMO_GROUP_ID = 1;

/** What shutdown closes, last opened first. */
type Closer = () => Promise<void>;

/**
 * The composition root: config → logger → Co-op (remote or embedded) → store → core → adapters →
 * relay. With Slack or Discord configured it serves them (and /healthz, /metrics) until SIGTERM;
 * otherwise it runs the terminal adapter, logging to a file so the prompt stays readable.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const chat = Boolean(config.SLACK_BOT_TOKEN || config.DISCORD_TOKEN);
  const logFile = path.join(config.DATA_DIR, 'coop-bridge.log');
  const logger = chat
    ? createLogger({ level: config.LOG_LEVEL })
    : createLogger({ level: config.LOG_LEVEL, destination: pino.destination({ dest: logFile, sync: true }) });
  const closers: Closer[] = [];
  const shutdown = async () => {
    for (const close of closers.reverse())
      await close().catch((err: unknown) => logger.error({ err }, 'shutdown step failed'));
  };
  try {
    const embedded = config.COOP_URL ? undefined : await startEmbeddedCoop(config, logger);
    if (embedded) closers.push(() => embedded.close());
    const coopUrl = config.COOP_URL ?? embedded?.url ?? '';
    const coop = new CoopClient({
      baseUrl: coopUrl,
      format: config.COOP_FORMAT,
      timeoutMs: config.COOP_TIMEOUT_MS,
      logger,
    });
    closers.push(() => coop.close());
    const store = await openStore({
      url: config.DATABASE_URL ?? `sqlite:${path.join(config.DATA_DIR, 'coop-bridge.db')}`,
      logger,
    });
    closers.push(() => store.close());
    const core = createCore({ store, coop, logger });
    if (chat) {
      const metrics = new Metrics({ collectDefaults: true });
      const routes = opsRoutes([storeHealthCheck(store), coopHealthCheck(coop)], metrics);
      metrics.measureOutboxDepth(() => store.countUndeliveredOutbox());
      const sinks = await startChatAdapters(config, core, logger, routes, closers);
      await startRelay(config, { store, coop, logger, sinks, observer: relayMetrics(metrics) }, closers);
      await waitForSignal(logger);
    } else {
      if (embedded) await useDemoGroupInGeneral(store);
      const sink = new ShellSink((text) => process.stdout.write(`${text}\n`));
      await startRelay(config, { store, coop, logger, sinks: new Map([['shell', sink]]) }, closers);
      const interactive = process.stdin.isTTY === true;
      const banner = interactive ? shellBanner(coopUrl, embedded !== undefined, logFile) : undefined;
      await runShell({
        core,
        input: process.stdin,
        output: process.stdout,
        interactive,
        sink,
        ...(banner ? { banner } : {}),
      });
    }
  } finally {
    await shutdown();
  }
}

async function startChatAdapters(
  config: Config,
  core: Core,
  logger: Logger,
  routes: OpsRoute[],
  closers: Closer[],
): Promise<Map<Platform, ChatSink>> {
  const sinks = new Map<Platform, ChatSink>();
  let routesServed = false;
  if (config.SLACK_BOT_TOKEN) {
    const slack = await startSlackAdapter({
      core,
      logger,
      botToken: config.SLACK_BOT_TOKEN,
      signingSecret: config.SLACK_SIGNING_SECRET,
      appToken: config.SLACK_APP_TOKEN,
      apiUrl: config.SLACK_API_URL,
      port: config.PORT,
      confirmPosts: config.SLACK_CONFIRM_POSTS,
      extraRoutes: routes,
    });
    closers.push(() => slack.stop());
    sinks.set('slack', slack.sink);
    routesServed = slack.mode === 'http';
  }
  if (config.DISCORD_TOKEN && config.DISCORD_APP_ID) {
    const discord = await startDiscordAdapter({
      core,
      logger,
      token: config.DISCORD_TOKEN,
      appId: config.DISCORD_APP_ID,
      prefix: config.DISCORD_PREFIX,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
    });
    closers.push(() => discord.stop());
    sinks.set('discord', discord.sink);
  }
  if (!routesServed) {
    // Socket Mode and Discord need no public HTTP; health and metrics still get a port.
    const ops = await startOpsServer(routes, opsPort(config.PORT));
    logger.info({ url: ops.url }, 'health and metrics listening');
    closers.push(() => ops.close());
  }
  return sinks;
}

async function startRelay(
  config: Config,
  deps: Pick<RelayOptions, 'store' | 'coop' | 'logger' | 'sinks' | 'observer'>,
  closers: Closer[],
): Promise<void> {
  const relay = createRelay({
    ...deps,
    pollIntervalMs: config.POLL_INTERVAL * 1000,
    maxFailures: config.FEED_MAX_FAILURES,
    removeDeleted: config.FEED_REMOVE_DELETED,
    ...(config.INSTANCE_ID ? { instanceId: config.INSTANCE_ID } : {}),
  });
  await relay.start();
  closers.push(() => relay.stop());
}

/**
 * Under the Discord ShardingManager every process needs its own port for health and metrics:
 * PORT plus the process's first shard id (discord.js passes the ids in SHARDS).
 */
function opsPort(port: number): number {
  const shards: unknown = process.env.SHARDS ? JSON.parse(process.env.SHARDS) : undefined;
  const first = Array.isArray(shards) && typeof shards[0] === 'number' ? shards[0] : 0;
  return port === 0 ? 0 : port + first;
}

/** Resolves on SIGTERM or SIGINT: the caller then stops taking work and closes everything. */
function waitForSignal(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}

/** The demo's Basil sees two groups; #general starts on Fawlty Towers so `post` works at once. */
async function useDemoGroupInGeneral(store: Store): Promise<void> {
  const general = { platform: 'shell', workspaceId: 'local', channelId: 'general' } as const;
  const settings = await store.getChannel(general);
  if (settings?.groupId == null) await store.setChannelGroup(general, DEMO_GROUP_ID);
}

function startEmbeddedCoop(config: Config, logger: Logger) {
  return startCoopServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: path.join(config.DATA_DIR, 'coop-server.db'),
    seed: 'demo',
    logger: logger.child({ component: 'coop-server' }),
  });
}

function shellBanner(coopUrl: string, embedded: boolean, logFile: string): string {
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
    'Feeds: /coop subscribe  relays new statuses into this channel.',
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
