import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, webApi } from '@slack/bolt';
import type { Core } from '../../src/core/create-core.js';
import type { Logger } from '../../src/log/logger.js';
import type { ChatSink } from '../../src/relay/chat-sink.js';
import { boltLogger } from './bolt-logger.js';
import { registerCoopCommand } from './coop-command.js';
import { describeSlackError } from './describe-error.js';
import { registerLoginSubmission } from './login-submission.js';
import { createSlackSink } from './slack-sink.js';
import { SlackStartError } from './slack-start-error.js';
import { UserDirectory } from './user-directory.js';

/** Where Slack sends slash commands and interactivity in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

export interface SlackAdapterOptions {
  core: Core;
  logger: Logger;
  /** SLACK_BOT_TOKEN (`xoxb-…`). */
  botToken: string;
  /** SLACK_SIGNING_SECRET: HTTP mode. */
  signingSecret?: string | undefined;
  /** SLACK_APP_TOKEN (`xapp-…`): Socket Mode, no public URL needed. Wins over HTTP mode. */
  appToken?: string | undefined;
  /** SLACK_API_URL: Slack's Web API elsewhere (tests, proxies); default Slack's own. */
  apiUrl?: string | undefined;
  /** PORT for HTTP mode; 0 picks a free port (see `url`). */
  port: number;
  host?: string | undefined;
  /** SLACK_CONFIRM_POSTS: `post` confirmations to the channel (default) or to the poster alone. */
  confirmPosts?: boolean | undefined;
  /** Retries of the command-side Web API client; default 2. Tests pass `{ retries: 0 }`. */
  retryConfig?: webApi.RetryOptions | undefined;
  /** Per Web API call; default 10 s. */
  timeoutMs?: number | undefined;
  /** The slash command; default `/coop`. */
  commandName?: string | undefined;
  /** More GET routes served beside `/slack/events` in HTTP mode (health, metrics). */
  extraRoutes?: readonly ExtraRoute[] | undefined;
}

export interface ExtraRoute {
  path: string;
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface SlackAdapter {
  app: App;
  /** Feeds deliver through this. */
  sink: ChatSink;
  mode: 'http' | 'socket';
  /** HTTP mode: where Slack must send requests, e.g. `http://127.0.0.1:3000/slack/events`. */
  url?: string;
  stop(): Promise<void>;
}

/**
 * Starts the Slack adapter: checks the bot token (`auth.test`), registers `/coop` and the login modal,
 * listens (HTTP) or connects (Socket Mode), and hands back the feed sink. Rejects with a
 * SlackStartError naming the setting when the settings are incomplete or Slack refuses the token.
 */
export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const logger = options.logger.child({ component: 'slack' });
  const clientOptions = webClientOptions(options, logger);
  const app = buildApp(options, clientOptions, logger);
  await verifyToken(app);
  const directory = new UserDirectory(app.client, logger);
  const confirmPosts = options.confirmPosts ?? true;
  registerCoopCommand(app, { core: options.core, directory, logger, confirmPosts }, options.commandName);
  registerLoginSubmission(app, { core: options.core, directory, logger });
  app.error(async (error) => {
    logger.error({ reason: describeSlackError(error) }, 'a slack listener failed');
  });
  // The relay owns waiting and retrying: this client neither retries nor waits out a 429.
  const sinkClient = new webApi.WebClient(options.botToken, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const sink = createSlackSink(sinkClient, logger);
  if (options.appToken) {
    await app.start();
    logger.info('slack adapter connected (socket mode)');
    return { app, sink, mode: 'socket', stop: () => stopApp(app) };
  }
  const server = await app.start({ port: options.port, ...(options.host ? { host: options.host } : {}) });
  const { port } = server.address() as AddressInfo; // listening on TCP: the address is an object
  const url = `http://${urlHost(options.host)}:${port}${EVENTS_PATH}`;
  logger.info({ url }, 'slack adapter listening (http)');
  return { app, sink, mode: 'http', url, stop: () => stopApp(app) };
}

function webClientOptions(options: SlackAdapterOptions, logger: Logger): webApi.WebClientOptions {
  return {
    ...(options.apiUrl ? { slackApiUrl: withSlash(options.apiUrl) } : {}),
    retryConfig: options.retryConfig ?? { retries: 2 },
    timeout: options.timeoutMs ?? 10_000,
    logger: boltLogger(logger),
  };
}

function buildApp(options: SlackAdapterOptions, clientOptions: webApi.WebClientOptions, logger: Logger): App {
  const common = {
    token: options.botToken,
    logger: boltLogger(logger),
    clientOptions,
    convoStore: false as const,
    deferInitialization: true,
  };
  if (options.appToken) return new App({ ...common, appToken: options.appToken, socketMode: true });
  if (!options.signingSecret) {
    throw new SlackStartError(
      'slack_config',
      'SLACK_SIGNING_SECRET: required for Slack in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  const customRoutes = (options.extraRoutes ?? []).map((route) => ({
    path: route.path,
    method: ['GET'],
    handler: (req: IncomingMessage, res: ServerResponse) => {
      route.handler(req, res).catch((error: unknown) => {
        logger.error({ err: error, path: route.path }, 'extra route failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
  }));
  return new App({ ...common, signingSecret: options.signingSecret, endpoints: EVENTS_PATH, customRoutes });
}

/** `auth.test` once at start, so a wrong token fails now with the setting's name, not at the first command. */
async function verifyToken(app: App): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    throw new SlackStartError(
      'slack_auth_failed',
      `SLACK_BOT_TOKEN: Slack did not accept the bot token (${describeSlackError(error)})`,
      { cause: error },
    );
  }
}

async function stopApp(app: App): Promise<void> {
  await app.stop();
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
