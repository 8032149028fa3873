import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CoopClient } from '../../src/coop/client/coop-client.js';
import { type RunningCoopServer, startCoopServer } from '../../src/coop-server/start-coop-server.js';
import { createLogger, type Logger } from '../../src/log/logger.js';
import { createRelay, type Relay } from '../../src/relay/create-relay.js';
import type { RelayOptions } from '../../src/relay/relay-options.js';
import { openStore } from '../../src/store/open-store.js';
import type { Account, ChannelRef, Platform, Store, Subscription } from '../../src/store/store.js';
import { startTestCoopServer } from '../helpers/coop-server.js';
import { RecordingSink } from '../helpers/recording-sink.js';

export const FAWLTY = 1;
export const PASSWORD = 'fawlty';
export const HARVEST = { projectId: 111, taskId: 222 };
/** A winter noon in London (UTC+0), so days are easy to read. */
export const WINTER_NOON = Date.UTC(2026, 0, 14, 12, 0, 0);
export const MINUTE = 60_000;
export const INTERVAL = 30_000;

/** A clock the relay, the store and the Co-op server share; only the test moves it. */
export class FakeClock {
  constructor(private t: number) {}
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
  set(t: number): void {
    this.t = t;
  }
}

/** Counts requests by path at the Co-op server (see `configure`). */
export class RequestCounter {
  readonly paths: string[] = [];
  readonly answers: Array<{ path: string; status: number }> = [];
  count(pattern: RegExp): number {
    return this.paths.filter((path) => pattern.test(path)).length;
  }
  countAnswers(pattern: RegExp, status: number): number {
    return this.answers.filter((a) => a.status === status && pattern.test(a.path)).length;
  }
  reset(): void {
    this.paths.length = 0;
    this.answers.length = 0;
  }
  hook(app: FastifyInstance): void {
    app.addHook('onRequest', async (request) => {
      this.paths.push(`${request.method} ${request.url}`);
    });
    app.addHook('onResponse', async (request, reply) => {
      this.answers.push({ path: `${request.method} ${request.url}`, status: reply.statusCode });
    });
  }
}

/** pino lines as objects, for tests that read the log. */
export class LogCapture {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly logger: Logger = createLogger({
    level: 'info',
    destination: new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString('utf8').split('\n')) if (line) this.lines.push(JSON.parse(line));
        done();
      },
    }),
  });
  withMessage(msg: string): Array<Record<string, unknown>> {
    return this.lines.filter((line) => line.msg === msg);
  }
}

export const STATUSES_PATH = /^GET \/groups\/\d+\/statuses/;

export interface HarnessOptions {
  start?: number;
  configure?: (app: FastifyInstance) => void;
  /** Defaults to a fresh in-memory store. */
  storeUrl?: string;
  /** A file for the Co-op server's database, so that it can be stopped and started again. */
  coopDbPath?: string;
}

export interface Harness {
  clock: FakeClock;
  /** The running Co-op server (a new one after `restartCoop`). */
  readonly coop: RunningCoopServer;
  stopCoop(): Promise<void>;
  /** Starts the server again on the same port and database file (needs `coopDbPath`). */
  restartCoop(): Promise<void>;
  store: Store;
  /** A client without credentials, as the composition root would give the relay. */
  client: CoopClient;
  requests: RequestCounter;
  log: LogCapture;
  sinks: Map<Platform, RecordingSink>;
  as(email: string, password?: string): CoopClient;
  link(person: string, platform?: Platform): Promise<Account>;
  subscribe(
    channelId: string,
    owner: Account,
    options?: { filter?: string; groupId?: number; platform?: Platform },
  ): Promise<Subscription>;
  channel(channelId: string, platform?: Platform): ChannelRef;
  relay(options?: Partial<RelayOptions>): Relay;
  /** pollDue + drain, then the clock moves one interval. */
  cycle(relay: Relay): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new FakeClock(options.start ?? WINTER_NOON);
  const requests = new RequestCounter();
  const configure = (app: FastifyInstance) => {
    requests.hook(app);
    options.configure?.(app);
  };
  const startCoop = (port: number) =>
    options.coopDbPath
      ? startCoopServer({ port, dbPath: options.coopDbPath, seed: 'demo', now: clock.now, configure })
      : startTestCoopServer({ seed: 'demo', now: clock.now, configure });
  let coop: RunningCoopServer | undefined = await startCoop(0);
  const port = Number(new URL(coop.url).port);
  const log = new LogCapture();
  const store = await openStore({
    url: options.storeUrl ?? 'sqlite::memory:',
    logger: log.logger,
    env: {},
    now: clock.now,
  });
  const client = new CoopClient({ baseUrl: coop.url, retries: 0, timeoutMs: 2_000 });
  const sinks = new Map<Platform, RecordingSink>([
    ['shell', new RecordingSink({ platform: 'shell' })],
    ['discord', new RecordingSink({ platform: 'discord', maxStatusesPerMessage: 10, enforceNonce: true })],
    ['slack', new RecordingSink({ platform: 'slack', maxStatusesPerMessage: 20, canFindSent: true })],
  ]);
  const relays: Relay[] = [];
  const channel = (channelId: string, platform: Platform = 'shell'): ChannelRef => ({
    platform,
    workspaceId: platform === 'shell' ? 'local' : 'W1',
    channelId,
  });
  return {
    clock,
    get coop() {
      if (!coop) throw new Error('The Co-op server is stopped');
      return coop;
    },
    async stopCoop() {
      await coop?.close();
      coop = undefined;
    },
    async restartCoop() {
      coop = await startCoop(port);
    },
    store,
    client,
    requests,
    log,
    sinks,
    as: (email, password = PASSWORD) => client.withCredentials({ email, password }),
    link: (person, platform = 'shell') =>
      store.linkAccount({
        platform,
        workspaceId: platform === 'shell' ? 'local' : 'W1',
        chatUserId: `U-${person}`,
        coopEmail: `${person}@fawltytowers.com`,
        password: PASSWORD,
        coopUserId: null,
        displayName: person,
      }),
    subscribe: (channelId, owner, sub = {}) =>
      store.createSubscription({
        channel: channel(channelId, sub.platform),
        groupId: sub.groupId ?? FAWLTY,
        filter: sub.filter ?? 'all',
        ownerAccountId: owner.id,
      }),
    channel,
    relay(overrides = {}) {
      const relay = createRelay({
        store,
        coop: client,
        sinks,
        logger: log.logger,
        pollIntervalMs: INTERVAL,
        now: clock.now,
        random: () => 0.5,
        sleep: async (ms) => {
          if (ms > 0) clock.advance(ms);
        },
        ...overrides,
      });
      relays.push(relay);
      return relay;
    },
    async cycle(relay) {
      await relay.pollDue();
      await relay.drain();
      clock.advance(INTERVAL);
    },
    async close() {
      for (const relay of relays) await relay.stop();
      await client.close();
      await store.close();
      await coop?.close();
    },
  };
}
