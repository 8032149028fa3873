import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CoopClient } from '../src/coop/client/coop-client.js';
import { buildCoopServer } from '../src/coop-server/build-coop-server.js';
import { openCoopDb } from '../src/coop-server/coop-db.js';
import { silentLogger } from '../src/log/logger.js';
import type { ChatSink } from '../src/relay/chat-sink.js';
import { createRelay } from '../src/relay/create-relay.js';
import { openStore } from '../src/store/open-store.js';
import type { BenchPart } from './bench-part.js';
import { seedBenchOwners } from './seed-bench-owners.js';

/**
 * The relay on PostgreSQL, one process and then two on the same database, in one run: the
 * throughput ratio (deliveries per second, 2 vs 1) and Co-op requests per group per interval
 * (leases must keep it at 1 however many processes share the work). Smaller than the relay bench
 * so that it takes a couple of minutes on 2 cores: GROUPS groups × CHANNELS channels; after every
 * key has its baseline, BURST statuses land in every group at once, and the clock runs until all
 * of them reached every channel (one message per status, SEND_MS of "platform" time per send).
 * Every process, the Co-op server included, is its own Node process; the clock is real.
 */
const GROUPS = 200;
const CHANNELS = 3;
const BURST = 5;
const INTERVAL_MS = 1_000;
const SEND_MS = 10;
const TAIL_INTERVALS = 3;
const PASSWORD = 'bench-password';
const ROLE_ENV = 'SCALE_BENCH_ROLE';
const CONFIG_ENV = 'SCALE_BENCH_CONFIG';
const SECRET = 'scale-bench-secret';

type ToServer = { type: 'burst' } | { type: 'stats' };
type FromServer =
  | { type: 'ready'; url: string; emails: string[]; groupsByOwner: number[][] }
  | { type: 'stats'; polls: number; groupsPolled: number };
type FromRelay = { type: 'ready' } | { type: 'delivered'; count: number } | { type: 'stopped' };

interface RelayConfig {
  coopUrl: string;
  storeUrl: string;
}

interface Run {
  deliveriesPerSecond: number;
  requestsPerGroupPerInterval: number;
}

export const scalePart: BenchPart = {
  name: 'scale',
  description: `relay on PostgreSQL, 1 vs 2 processes: ${GROUPS} groups × ${CHANNELS} channels, burst of ${BURST} statuses per group, ${INTERVAL_MS} ms interval, ${SEND_MS} ms per send`,
  async run(report) {
    const baseUrl =
      process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/test';
    const admin = new pg.Pool({ connectionString: baseUrl, max: 2 });
    try {
      await admin.query('select 1').catch((error: unknown) => {
        throw new Error(
          `scale bench: no PostgreSQL at ${baseUrl} (set BENCH_DATABASE_URL): ${String(error)}`,
        );
      });
      const one = await measure(admin, baseUrl, 1);
      const two = await measure(admin, baseUrl, 2);
      report.add(
        'scale.deliveries_per_s_1_process',
        one.deliveriesPerSecond,
        '/s',
        `${GROUPS * BURST * CHANNELS} deliveries`,
      );
      report.add('scale.deliveries_per_s_2_processes', two.deliveriesPerSecond, '/s');
      report.add('scale.throughput_ratio_2_vs_1', two.deliveriesPerSecond / one.deliveriesPerSecond, '×');
      report.add(
        'scale.requests_per_group_per_interval_1',
        one.requestsPerGroupPerInterval,
        'req',
        'limit 1',
      );
      report.add(
        'scale.requests_per_group_per_interval_2',
        two.requestsPerGroupPerInterval,
        'req',
        'limit 1',
      );
    } finally {
      await admin.end();
    }
  },
};

async function measure(admin: pg.Pool, baseUrl: string, processes: number): Promise<Run> {
  const schema = `coop_bridge_scale_${randomBytes(6).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const storeUrl = url.toString();
  const server = spawnRole<ToServer, FromServer>('coop-server', undefined);
  const relays: Array<Child<never, FromRelay>> = [];
  try {
    const ready = await server.next('ready');
    await subscribeAll(storeUrl, ready.emails, ready.groupsByOwner);
    let delivered = 0;
    for (let i = 0; i < processes; i++) {
      const relay = spawnRole<never, FromRelay>('relay', {
        coopUrl: ready.url,
        storeUrl,
      } satisfies RelayConfig);
      relay.onMessage((m) => {
        if (m.type === 'delivered') delivered += m.count;
      });
      relays.push(relay);
    }
    await Promise.all(relays.map((r) => r.next('ready')));
    await waitFor(async () => (await statsOf(server)).groupsPolled === GROUPS, 60_000);
    const before = await statsOf(server);
    const started = Date.now();
    server.send({ type: 'burst' });
    const expected = GROUPS * BURST * CHANNELS;
    await waitFor(async () => delivered >= expected, 120_000);
    const deliveredMs = Date.now() - started;
    await sleep(TAIL_INTERVALS * INTERVAL_MS);
    const after = await statsOf(server);
    const windowMs = Date.now() - started;
    return {
      deliveriesPerSecond: delivered / (deliveredMs / 1000),
      requestsPerGroupPerInterval: (after.polls - before.polls) / (GROUPS * (windowMs / INTERVAL_MS)),
    };
  } finally {
    for (const relay of relays) relay.child.kill('SIGTERM');
    await Promise.all(relays.map((r) => r.exited));
    server.child.kill();
    await admin.query(`drop schema ${schema} cascade`);
  }
}

async function subscribeAll(storeUrl: string, emails: string[], groupsByOwner: number[][]): Promise<void> {
  const store = await openStore({
    url: storeUrl,
    logger: silentLogger(),
    env: { COOP_BRIDGE_SECRET: SECRET },
  });
  try {
    for (const [i, email] of emails.entries()) {
      const account = await store.linkAccount({
        platform: 'shell',
        workspaceId: 'local',
        chatUserId: `U${i}`,
        coopEmail: email,
        password: PASSWORD,
        coopUserId: null,
        displayName: null,
      });
      for (const groupId of groupsByOwner[i] ?? []) {
        for (let c = 0; c < CHANNELS; c++) {
          await store.createSubscription({
            channel: { platform: 'shell', workspaceId: 'local', channelId: `g${groupId}-c${c}` },
            groupId,
            filter: 'all',
            ownerAccountId: account.id,
          });
        }
      }
    }
  } finally {
    await store.close();
  }
}

// ---- Child processes: this file forked with a role ---------------------------------------------

interface Child<In, Out extends { type: string }> {
  child: ChildProcess;
  exited: Promise<void>;
  send(message: In): void;
  next<T extends Out['type']>(type: T): Promise<Extract<Out, { type: T }>>;
  onMessage(listener: (message: Out) => void): void;
}

function spawnRole<In, Out extends { type: string }>(role: string, config: unknown): Child<In, Out> {
  const file = fileURLToPath(import.meta.url);
  const loader = process.execArgv.some((arg) => arg.includes('tsx')) ? [] : ['--import', 'tsx'];
  const child = fork(file, [], {
    env: { ...process.env, [ROLE_ENV]: role, [CONFIG_ENV]: JSON.stringify(config ?? null) },
    execArgv: [...process.execArgv, ...loader],
  });
  const waiting: Array<{ type: string; resolve: (m: Out) => void }> = [];
  const listeners: Array<(m: Out) => void> = [];
  child.on('message', (message: Out) => {
    for (const listener of listeners) listener(message);
    const index = waiting.findIndex((w) => w.type === message.type);
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(message);
  });
  const next = <T extends Out['type']>(type: T) =>
    new Promise<Extract<Out, { type: T }>>((resolve) => {
      waiting.push({ type, resolve: resolve as (m: Out) => void });
    });
  return {
    child,
    exited: new Promise((done) => child.on('exit', () => done())),
    send: (message) => child.send(message as object),
    next,
    onMessage: (listener) => listeners.push(listener),
  };
}

function statsOf(server: Child<ToServer, FromServer>): Promise<Extract<FromServer, { type: 'stats' }>> {
  const reply = server.next('stats');
  server.send({ type: 'stats' });
  return reply;
}

/** The Co-op server: GROUPS groups, 4 per owner; counts polls; posts the burst when told. */
async function serveCoop(): Promise<void> {
  const db = openCoopDb(':memory:');
  const seeded = seedBenchOwners(db, {
    groups: GROUPS,
    groupsPerOwner: 4,
    domain: 'scale.test',
    password: PASSWORD,
  });
  const emails = seeded.map((o) => o.email);
  const groupsByOwner = seeded.map((o) => o.groupIds);
  const owners = seeded.map((o) => o.userId);
  let polls = 0;
  const polled = new Set<string>();
  const app = buildCoopServer({ db });
  app.addHook('onResponse', async (request) => {
    if (/^\/groups\/\d+\/statuses$/.test(request.url)) {
      polls += 1;
      polled.add(request.url);
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const send = (message: FromServer) => process.send?.(message);
  process.on('message', (message: ToServer) => {
    if (message.type === 'stats') {
      send({ type: 'stats', polls, groupsPolled: polled.size });
      return;
    }
    db.transaction(() => {
      for (const [o, ids] of groupsByOwner.entries()) {
        for (const groupId of ids) {
          for (let s = 0; s < BURST; s++) {
            db.notes.insert({ groupId, userId: owners[o] ?? 0, text: `burst ${s}`, createdAt: Date.now() });
          }
        }
      }
    });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url: `http://127.0.0.1:${port}`, emails, groupsByOwner });
}

/** One relay process: a sink that takes SEND_MS per message and reports what it delivered. */
async function serveRelay(): Promise<void> {
  const config = JSON.parse(process.env[CONFIG_ENV] ?? 'null') as RelayConfig;
  const logger = silentLogger();
  const store = await openStore({ url: config.storeUrl, logger, env: { COOP_BRIDGE_SECRET: SECRET } });
  const coop = new CoopClient({ baseUrl: config.coopUrl });
  let unreported = 0;
  let next = 0;
  const sink: ChatSink = {
    platform: 'shell',
    maxStatusesPerMessage: 1,
    async send(_channel, post) {
      await sleep(SEND_MS);
      unreported += post.statuses.length;
      next += 1;
      return `m-${process.pid}-${next}`;
    },
    async edit() {},
    async remove() {},
    async notice() {},
  };
  const relay = createRelay({
    store,
    coop,
    sinks: new Map([['shell', sink]]),
    logger,
    pollIntervalMs: INTERVAL_MS,
  });
  const reporter = setInterval(() => {
    if (unreported === 0) return;
    process.send?.({ type: 'delivered', count: unreported } satisfies FromRelay);
    unreported = 0;
  }, 100);
  process.on('SIGTERM', () => {
    void (async () => {
      clearInterval(reporter);
      await relay.stop();
      await coop.close();
      await store.close();
      process.exit(0);
    })();
  });
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  await relay.start();
  process.send?.({ type: 'ready' } satisfies FromRelay);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('scale bench: timed out waiting');
    await sleep(50);
  }
}

if (process.env[ROLE_ENV] === 'coop-server') await serveCoop();
if (process.env[ROLE_ENV] === 'relay') await serveRelay();
