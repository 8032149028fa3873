import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CoopClient } from '../src/coop/client/coop-client.js';
import { buildCoopServer } from '../src/coop-server/build-coop-server.js';
import { openCoopDb } from '../src/coop-server/coop-db.js';
import { silentLogger } from '../src/log/logger.js';
import type { ChatSink, FeedPost } from '../src/relay/chat-sink.js';
import { createRelay } from '../src/relay/create-relay.js';
import { openStore } from '../src/store/open-store.js';
import type { ChannelRef, Platform } from '../src/store/store.js';
import type { BenchPart } from './bench-part.js';
import { percentile } from './measure.js';
import { type BenchOwner, seedBenchOwners } from './seed-bench-owners.js';

/**
 * The relay at scale: GROUPS groups × 5 channels against the embedded Co-op server, which runs in
 * a child process (this file, forked) so that the CPU figures are the relay's alone. The clock is
 * real: latency and CPU are what is measured, and a fake clock would make both meaningless. The
 * interval is 1 s instead of 30 s, so everything happens 30× as often as in production: 1,000 polls
 * a second, and one status per group over the 10 measured intervals (100 a second, 500 deliveries).
 */
const GROUPS = 1_000;
const CHANNELS_PER_GROUP = 5;
const GROUPS_PER_OWNER = 4;
// The shortest interval POLL_INTERVAL allows (production default 30 s): 200 polls a second.
const INTERVAL_MS = 5_000;
const WINDOW_INTERVALS = 6;
const STATUSES_PER_GROUP = 1;
const PASSWORD = 'bench-password';
const PLATFORMS: readonly Platform[] = ['slack', 'discord', 'shell', 'slack', 'discord'];
const ROLE_ENV = 'RELAY_BENCH_ROLE';

type Owner = BenchOwner;

type ToServer =
  | { type: 'generate'; perGroup: number; windowMs: number }
  | { type: 'reset' }
  | { type: 'stats' };
type FromServer =
  | { type: 'ready'; url: string; owners: Owner[] }
  | { type: 'generated'; total: number }
  | { type: 'stats'; stats: ServerStats };

interface ServerStats {
  polls: number;
  notModified: number;
  dateRoutes: number;
  groupLists: number;
  groupsPolled: number;
  /** The shortest time between two polls of one group, over all groups. */
  minGapMs: number;
}

export const relayPart: BenchPart = {
  name: 'relay',
  description: `${GROUPS} groups × ${CHANNELS_PER_GROUP} channels, ${INTERVAL_MS} ms interval, ${WINDOW_INTERVALS} intervals of random statuses`,
  async run(report) {
    const server = startServerProcess();
    const dir = await mkdtemp(join(tmpdir(), 'relay-bench-'));
    try {
      const ready = await server.next('ready');
      const m = await measure(server, ready.url, ready.owners, join(dir, 'bridge.db'));
      const perInterval = m.stats.polls / (GROUPS * (m.windowMs / INTERVAL_MS));
      const minGap = (m.stats.minGapMs / INTERVAL_MS).toFixed(2);
      const figures: Array<[string, number, string, string?]> = [
        [
          'coop_requests_per_group_per_interval',
          perInterval,
          'req',
          `limit 1; shortest gap ${minGap} interval`,
        ],
        ['share_304', m.stats.notModified / m.stats.polls, 'ratio'],
        ['date_route_requests', m.stats.dateRoutes, 'req', 'overflow walks'],
        [
          'group_list_requests',
          m.stats.groupLists,
          'req',
          `names and zones, ${GROUPS / GROUPS_PER_OWNER} owners`,
        ],
        ['deliveries', m.latencies.length, 'statuses', `expected ${m.expected}`],
        ['latency_p50_ms', Math.round(percentile(m.latencies, 50)), 'ms', 'creation → sink'],
        ['latency_p99_ms', Math.round(percentile(m.latencies, 99)), 'ms', `interval ${INTERVAL_MS} ms`],
        ['peak_rss_mb', Math.round(m.peakRss / 2 ** 20), 'MB', 'relay process, sampled during this part'],
        ['cpu_s_per_1000_deliveries', (m.cpuSeconds * 1000) / m.latencies.length, 's', 'polling included'],
      ];
      for (const [name, value, unit, note] of figures) report.add(`relay.${name}`, value, unit, note);
    } finally {
      server.child.kill();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

interface Measured {
  peakRss: number;
  stats: ServerStats;
  latencies: number[];
  expected: number;
  windowMs: number;
  cpuSeconds: number;
}

async function measure(
  server: ServerProcess,
  url: string,
  owners: Owner[],
  storePath: string,
): Promise<Measured> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const logger = silentLogger();
  const store = await openStore({ url: `sqlite:${storePath}`, logger, env: {} });
  const coop = new CoopClient({ baseUrl: url });
  const latencies: number[] = [];
  const sinks = new Map(PLATFORMS.map((p) => [p, latencySink(p, latencies)]));
  await subscribeEveryGroup(store, owners);
  const relay = createRelay({ store, coop, sinks, logger, pollIntervalMs: INTERVAL_MS });
  try {
    await relay.start();
    // Warm-up: every key takes its baseline, and the schedule settles.
    await waitFor(async () => (await server.stats()).groupsPolled === GROUPS, 60_000);
    await sleep(2 * INTERVAL_MS);
    server.send({ type: 'reset' });
    const cpu = process.cpuUsage();
    const started = Date.now();
    server.send({ type: 'generate', perGroup: STATUSES_PER_GROUP, windowMs: WINDOW_INTERVALS * INTERVAL_MS });
    const { total } = await server.next('generated');
    const windowMs = Date.now() - started;
    const stats = await server.stats();
    const expected = total * CHANNELS_PER_GROUP;
    await waitFor(async () => latencies.length >= expected, 10 * INTERVAL_MS).catch(() => undefined);
    const used = process.cpuUsage(cpu);
    return { peakRss, stats, latencies, expected, windowMs, cpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    clearInterval(sampler);
    await relay.stop();
    await coop.close();
    await store.close();
  }
}

async function subscribeEveryGroup(
  store: Awaited<ReturnType<typeof openStore>>,
  owners: Owner[],
): Promise<void> {
  for (const [i, owner] of owners.entries()) {
    const account = await store.linkAccount({
      platform: 'slack',
      workspaceId: 'T1',
      chatUserId: `U${i}`,
      coopEmail: owner.email,
      password: PASSWORD,
      coopUserId: null,
      displayName: null,
    });
    for (const groupId of owner.groupIds) {
      for (const [c, platform] of PLATFORMS.entries()) {
        await store.createSubscription({
          channel: { platform, workspaceId: 'T1', channelId: `g${groupId}-c${c}` },
          groupId,
          filter: 'all',
          ownerAccountId: account.id,
        });
      }
    }
  }
}

function latencySink(platform: Platform, latencies: number[]): ChatSink {
  let next = 0;
  const record = (post: FeedPost) => {
    const now = Date.now();
    // Co-op times have whole seconds; the exact creation time rides in the text.
    for (const status of post.statuses) latencies.push(now - Number(status.text.split(' ')[1]));
  };
  return {
    platform,
    maxStatusesPerMessage: platform === 'shell' ? 1 : 10,
    async send(_channel: ChannelRef, post: FeedPost) {
      record(post);
      next += 1;
      return `${platform}-${next}`;
    },
    async edit() {},
    async remove() {},
    async notice() {},
  };
}

// ---- The Co-op server side, in its own process -------------------------------------------------

interface ServerProcess {
  child: ChildProcess;
  send(message: ToServer): void;
  next<T extends FromServer['type']>(type: T): Promise<Extract<FromServer, { type: T }>>;
  stats(): Promise<ServerStats>;
}

function startServerProcess(): ServerProcess {
  const file = fileURLToPath(import.meta.url);
  const loader = process.execArgv.some((arg) => arg.includes('tsx')) ? [] : ['--import', 'tsx'];
  const child = fork(file, [], {
    env: { ...process.env, [ROLE_ENV]: 'coop-server' },
    execArgv: [...process.execArgv, ...loader],
  });
  const waiting: Array<{ type: FromServer['type']; resolve: (m: FromServer) => void }> = [];
  child.on('message', (message: FromServer) => {
    const index = waiting.findIndex((w) => w.type === message.type);
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(message);
  });
  const next = <T extends FromServer['type']>(type: T) =>
    new Promise<Extract<FromServer, { type: T }>>((resolve) => {
      waiting.push({ type, resolve: resolve as (m: FromServer) => void });
    });
  return {
    child,
    send: (message) => child.send(message),
    next,
    async stats() {
      const reply = next('stats');
      child.send({ type: 'stats' } satisfies ToServer);
      return (await reply).stats;
    },
  };
}

async function serveCoop(): Promise<void> {
  const db = openCoopDb(':memory:');
  const owners = seedBenchOwners(db, {
    groups: GROUPS,
    groupsPerOwner: GROUPS_PER_OWNER,
    domain: 'bench.test',
    password: PASSWORD,
  });
  const counters = { polls: 0, notModified: 0, dateRoutes: 0, groupLists: 0 };
  const lastPoll = new Map<string, number>();
  let minGapMs = Number.POSITIVE_INFINITY;
  const app = buildCoopServer({ db });
  app.addHook('onResponse', async (request, reply) => {
    const url = request.url;
    if (url === '/groups') counters.groupLists += 1;
    else if (/^\/groups\/\d+\/\d{8}$/.test(url)) counters.dateRoutes += 1;
    else if (/^\/groups\/\d+\/statuses$/.test(url)) {
      counters.polls += 1;
      if (reply.statusCode === 304) counters.notModified += 1;
      const at = Date.now();
      const previous = lastPoll.get(url);
      if (previous !== undefined) minGapMs = Math.min(minGapMs, at - previous);
      lastPoll.set(url, at);
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const send = (message: FromServer) => process.send?.(message);
  process.on('message', (message: ToServer) => {
    if (message.type === 'reset') {
      Object.assign(counters, { polls: 0, notModified: 0, dateRoutes: 0, groupLists: 0 });
      minGapMs = Number.POSITIVE_INFINITY;
    } else if (message.type === 'stats') {
      send({ type: 'stats', stats: { ...counters, groupsPolled: lastPoll.size, minGapMs } });
    } else {
      generate(db, owners, message.perGroup, message.windowMs, (total) => send({ type: 'generated', total }));
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url: `http://127.0.0.1:${port}`, owners });
}

/** Inserts `perGroup` Notes into every group at random moments of the window, created "now". */
function generate(
  db: ReturnType<typeof openCoopDb>,
  owners: Owner[],
  perGroup: number,
  windowMs: number,
  done: (total: number) => void,
): void {
  const start = Date.now();
  const plan = owners
    .flatMap((owner) => owner.groupIds.map((groupId) => ({ groupId, userId: owner.userId })))
    .flatMap((target) => Array.from({ length: perGroup }, () => ({ target, at: Math.random() * windowMs })))
    .sort((a, b) => a.at - b.at);
  let next = 0;
  const tick = () => {
    const elapsed = Date.now() - start;
    while (next < plan.length && (plan[next]?.at ?? 0) <= elapsed) {
      const item = plan[next++];
      const createdAt = Date.now();
      if (item) db.notes.insert({ ...item.target, text: `bench ${createdAt}`, createdAt });
    }
    if (next < plan.length) setTimeout(tick, 5);
    else done(plan.length);
  };
  tick();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('relay bench: timed out waiting');
    await sleep(100);
  }
}

if (process.env[ROLE_ENV] === 'coop-server') await serveCoop();
