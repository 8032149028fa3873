import type { FastifyInstance } from 'fastify';
import { type SlackAdapter, startSlackAdapter } from '../../adapters/slack/index.js';
import { CoopClient } from '../../src/coop/client/coop-client.js';
import type { RunningCoopServer } from '../../src/coop-server/start-coop-server.js';
import { type Core, createCore } from '../../src/core/create-core.js';
import { createLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { startTestCoopServer } from './coop-server.js';
import { type FakeSlack, type RecordedCall, type RecordedResponse, startFakeSlack } from './fake-slack.js';
import { FAKE_TEAM, type FakeUser } from './fake-slack-methods.js';
import {
  interactionBody,
  type PostResult,
  postToSlackApp,
  type SlashCommandFields,
  slashCommandBody,
  slashCommandPayload,
} from './fake-slack-signing.js';
import { attachFakeSocketMode, type FakeSocketMode } from './fake-slack-socket.js';

export const SIGNING_SECRET = 'fawlty-signing-secret-for-tests';
export const GENERAL = 'C0GENERAL';

/** Slack members of the tests; Polly's Slack name matches no Co-op name, only her email does. */
export const BASIL: FakeUser = {
  id: 'U0BASIL',
  name: 'basil',
  realName: 'Basil Fawlty',
  email: 'basil@fawltytowers.com',
};
export const SYBIL: FakeUser = {
  id: 'U0SYBIL',
  name: 'sybil',
  realName: 'Sybil Fawlty',
  email: 'sybil@fawltytowers.com',
};
export const POLLY: FakeUser = {
  id: 'U0POLLY',
  name: 'ps',
  realName: 'P. Sherman',
  displayName: 'P.S.',
  email: 'polly@fawltytowers.com',
};
export const MANUEL: FakeUser = { id: 'U0MANUEL', name: 'mnl', realName: 'Señor M.' };

export interface SlackBotOptions {
  confirmPosts?: boolean;
  /** Fastify hooks on the Co-op server: count requests, slow a route. */
  configureCoop?: (app: FastifyInstance) => void;
  /** Socket Mode (SLACK_APP_TOKEN) instead of signed HTTP requests. */
  socketMode?: boolean;
}

export interface CommandResult extends PostResult {
  /** Where the answer will arrive (this command's `response_url` on the fake). */
  responseId: string;
  triggerId: string;
  /** The sequence number of the acknowledgement's arrival, among the fake's events. */
  ackSeq: number;
}

/** The bot as main.ts would run it for Slack, against the demo Co-op and a fake Slack. */
export interface SlackBot {
  coop: RunningCoopServer;
  store: Store;
  core: Core;
  slack: FakeSlack;
  adapter: SlackAdapter;
  /** Every log line of the bot, at trace level. */
  logs: string[];
  command(text: string, as?: FakeUser, channel?: string): Promise<CommandResult>;
  /** Sends a command and waits for its answer through `response_url`. */
  run(text: string, as?: FakeUser, channel?: string): Promise<RecordedResponse>;
  answerTo(command: CommandResult): Promise<RecordedResponse>;
  /** POSTs a signed interactivity payload. */
  interact(payload: object): Promise<PostResult>;
  /** `login`, then the modal submitted with these values; resolves with the ephemeral result. */
  login(as: FakeUser, email: string, password: string): Promise<RecordedCall>;
  close(): Promise<void>;
}

export async function startSlackBot(options: SlackBotOptions = {}): Promise<SlackBot> {
  const coop = await startTestCoopServer({
    seed: 'demo',
    ...(options.configureCoop ? { configure: options.configureCoop } : {}),
  });
  const slack = await startFakeSlack({ users: [BASIL, SYBIL, POLLY, MANUEL] });
  const socket = options.socketMode ? attachFakeSocketMode(slack) : undefined;
  const logs: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => logs.push(line) } });
  const store = await openStore({ url: 'sqlite::memory:', logger, env: {} });
  const client = new CoopClient({ baseUrl: coop.url, retries: 0, logger });
  const core = createCore({ store, coop: client, logger });
  const adapter = await startSlackAdapter({
    core,
    logger,
    botToken: 'xoxb-fake',
    ...(socket ? { appToken: 'xapp-test-token' } : { signingSecret: SIGNING_SECRET }),
    apiUrl: slack.apiUrl,
    port: 0,
    host: '127.0.0.1',
    retryConfig: { retries: 0 },
    ...(options.confirmPosts === undefined ? {} : { confirmPosts: options.confirmPosts }),
  });
  const transport = socket ? socketTransport(socket) : httpTransport(adapter.url as string);

  const bot: SlackBot = {
    coop,
    store,
    core,
    slack,
    adapter,
    logs,
    async command(text, as = SYBIL, channel = GENERAL) {
      const responseId = `r${slack.responses.length}-${Math.random().toString(36).slice(2, 8)}`;
      const triggerId = `trigger-${responseId}`;
      const result = await transport.command({
        text,
        userId: as.id,
        userName: as.name,
        teamId: FAKE_TEAM,
        channelId: channel,
        responseUrl: slack.responseUrl(responseId),
        triggerId,
      });
      return { ...result, responseId, triggerId, ackSeq: slack.mark(`ack ${responseId}`) };
    },
    answerTo: (command) => slack.waitFor(() => slack.responses.find((r) => r.id === command.responseId)),
    async run(text, as, channel) {
      return bot.answerTo(await bot.command(text, as, channel));
    },
    interact: (payload) => transport.interact(payload),
    async login(as, email, password) {
      const sent = await bot.command('login', as);
      const opened = await slack.waitFor(() =>
        slack.callsTo('views.open').find((c) => c.args.trigger_id === sent.triggerId),
      );
      const result = await bot.interact(viewSubmission(as, opened, { email, password }));
      if (result.status !== 200 || result.body !== '') throw new Error(`login modal refused: ${result.body}`);
      return slack.waitFor(() =>
        slack.callsTo('chat.postEphemeral').find((c) => c.seq > opened.seq && c.args.user === as.id),
      );
    },
    async close() {
      await adapter.stop();
      socket?.close();
      await client.close();
      await store.close();
      await coop.close();
      await slack.close();
    },
  };
  return bot;
}

interface Transport {
  command(fields: SlashCommandFields): Promise<PostResult>;
  interact(payload: object): Promise<PostResult>;
}

/** Signed HTTP requests to /slack/events, as Slack sends them in HTTP mode. */
function httpTransport(url: string): Transport {
  return {
    command: (fields) => postToSlackApp(url, slashCommandBody(fields), { secret: SIGNING_SECRET }),
    interact: (payload) => postToSlackApp(url, interactionBody(payload), { secret: SIGNING_SECRET }),
  };
}

/** Envelopes over the Socket Mode connection; the ack's payload stands in for the HTTP body. */
function socketTransport(socket: FakeSocketMode): Transport {
  const asResult = (payload: Record<string, unknown>): PostResult => ({
    status: 200,
    body: Object.keys(payload).length === 0 ? '' : JSON.stringify(payload),
  });
  return {
    command: async (fields) => asResult(await socket.deliver('slash_commands', slashCommandPayload(fields))),
    interact: async (payload) => asResult(await socket.deliver('interactive', payload)),
  };
}

/** What Slack POSTs when the login modal is submitted with these values. */
export function viewSubmission(
  as: FakeUser,
  opened: RecordedCall,
  values: { email: string; password: string },
) {
  const view = opened.args.view as { callback_id: string; private_metadata: string };
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM, domain: 'fawlty' },
    user: { id: as.id, name: as.name, team_id: FAKE_TEAM },
    api_app_id: 'A0COOP',
    token: 'deprecated-verification-token',
    trigger_id: 'trigger-submit',
    view: {
      id: 'V0LOGIN',
      team_id: FAKE_TEAM,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: {
        values: {
          email: { value: { type: 'email_text_input', value: values.email } },
          password: { value: { type: 'plain_text_input', value: values.password } },
        },
      },
      hash: 'h1',
      app_id: 'A0COOP',
      bot_id: 'B0BOT',
    },
    response_urls: [],
  };
}
