import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningCoopServer } from '../../src/coop-server/start-coop-server.js';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { ChannelRef } from '../../src/store/store.js';
import { startTestCoopServer } from '../helpers/coop-server.js';
import type { MultiChildOptions, MultiDeliveryLine } from './multi-relay-child.js';
import { postgresSchemas } from './postgres-schema.js';
import { type ChildRun, runScript } from './relay-process.js';

/**
 * Three relay processes on one PostgreSQL schema, against one Co-op server, with a real clock:
 * leases make them share the polls (each group about once per interval between them) and the
 * deliveries (each status once, per-channel order kept). Then one is SIGKILLed right after a send
 * it had no time to record: its leases expire and the others finish its work, the in-doubt message
 * deduped by its nonce. Counts and sets are asserted, never durations.
 */
const pg = await postgresSchemas();
afterAll(() => pg.end());

const INTERVAL_MS = 400;
const JITTER = 0.1;
const LEASE_TTL_MS = 1_500;
const GROUPS = 4;
const CHANNELS_PER_GROUP = 2;
const SECRET = 'multi-process-secret';
const BASIL = 'basil@fawltytowers.com';

describe.skipIf(!pg.available)(`several relay processes on PostgreSQL at ${pg.baseUrl}`, () => {
  it('poll each group about once per interval, deliver each status once in order, and survive a SIGKILL', async () => {
    const schema = await pg.fresh();
    const dir = await mkdtemp(join(tmpdir(), 'relay-multi-'));
    const platformDir = join(dir, 'platform');
    const children: ChildRun[] = [];
    let coop: RunningCoopServer | undefined;
    try {
      const polls = new Map<number, number>();
      coop = await startTestCoopServer({
        seed: 'demo',
        configure: (app) =>
          app.addHook('onRequest', async (request) => {
            const match = /^\/groups\/(\d+)\/statuses/.exec(request.url);
            if (request.method === 'GET' && match)
              polls.set(Number(match[1]), (polls.get(Number(match[1])) ?? 0) + 1);
          }),
      });
      const { groupIds, channels, basilId } = await setUp(coop, schema.url);
      await import('node:fs/promises').then((fs) => fs.mkdir(platformDir));

      const base = {
        coopUrl: coop.url,
        storeUrl: schema.url,
        secret: SECRET,
        dir: platformDir,
        intervalMs: INTERVAL_MS,
        leaseTtlMs: LEASE_TTL_MS,
        maxStatusesPerMessage: 3,
        sendDelayMs: 15,
      } satisfies Omit<MultiChildOptions, 'instanceId'>;
      const doomed = runScript('test/relay/multi-relay-child.ts', {
        ...base,
        instanceId: 'A',
        hangAfterSend: 2,
      });
      children.push(doomed);
      for (const id of ['B', 'C'])
        children.push(runScript('test/relay/multi-relay-child.ts', { ...base, instanceId: id }));
      await Promise.all(children.map((c) => c.printed('READY')));
      // Polls are counted from the moment all processes run to the moment they have stopped.
      const started = Date.now();
      const before = new Map(polls);
      // Every group has its baseline before anything is posted.
      await until(() => groupIds.every((id) => (polls.get(id) ?? 0) >= 1));

      const posted = new Map<number, string[]>(groupIds.map((id) => [id, []]));
      const post = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const groupId = groupIds[i % groupIds.length] as number;
          const note = coop?.db.notes.insert({
            groupId,
            userId: basilId,
            text: `note ${i}`,
            createdAt: Date.now(),
          });
          if (note) posted.get(groupId)?.push(`Note:${note.id}`);
          await sleep(40);
        }
      };
      // A hangs right after its 2nd send, before recording it; it is killed there (or, if it never
      // got that far, wherever it is once the first batch is posted).
      const firstBatch = post(48);
      await Promise.race([doomed.printed('HANGING').catch(() => undefined), firstBatch]);
      doomed.child.kill('SIGKILL');
      expect(await doomed.exited).toBeNull();
      await firstBatch;
      await post(24);

      const expected = channels.reduce((n, c) => n + (posted.get(c.groupId)?.length ?? 0), 0);
      await until(async () => (await deliveredKeys(platformDir)) >= expected, 20_000).catch(() => undefined);
      for (const child of children.slice(1)) child.child.kill('SIGTERM');
      for (const child of children.slice(1)) expect(await child.exited, child.stderr()).toBe(0);
      const elapsedMs = Date.now() - started;

      // Each status once, in each channel, in the order it was posted.
      const lines = await readLines(platformDir);
      expect(new Set(lines.map((l) => l.nonce)).size).toBe(lines.length);
      for (const channel of channels) {
        const keys = lines
          .filter((l) => l.channelId === channel.channelId)
          .sort((a, b) => a.at - b.at)
          .flatMap((l) => l.keys);
        expect(keys, channel.channelId).toEqual(posted.get(channel.groupId));
      }
      // The work was shared, and A's in-doubt message was resolved by another process.
      expect(new Set(lines.map((l) => l.instanceId)).size).toBeGreaterThanOrEqual(2);
      const store = await openStore({
        url: schema.url,
        logger: silentLogger(),
        env: { COOP_BRIDGE_SECRET: SECRET },
      });
      try {
        expect(await store.listSendingOutbox()).toEqual([]);
        expect(await store.listChannelsWithPendingOutbox()).toEqual([]);
      } finally {
        await store.close();
      }

      // Polls: never more than one per interval per group between all processes (plus a little
      // slack for a poll whose process died before committing it), and not far fewer.
      const intervals = elapsedMs / (INTERVAL_MS * (1 - JITTER));
      for (const groupId of groupIds) {
        const count = (polls.get(groupId) ?? 0) - (before.get(groupId) ?? 0);
        expect(count, `group ${groupId}`).toBeLessThanOrEqual(Math.ceil(intervals) + 2);
        expect(count, `group ${groupId}`).toBeGreaterThanOrEqual(Math.floor(elapsedMs / INTERVAL_MS / 4));
      }
    } finally {
      for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
      await Promise.all(children.map((c) => c.exited));
      await coop?.close();
      await schema.drop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

interface Setup {
  groupIds: number[];
  channels: Array<ChannelRef & { groupId: number }>;
  basilId: number;
}

/** Two demo groups and two more, each followed by two Discord channels through Basil's login. */
async function setUp(coop: RunningCoopServer, storeUrl: string): Promise<Setup> {
  const basil = coop.db.users.byEmail(BASIL);
  if (!basil) throw new Error('the demo seed has no Basil');
  const now = Date.now();
  const groupIds = [1, 2];
  for (let g = groupIds.length; g < GROUPS; g++) {
    const group = coop.db.groups.insert({ name: `Wing ${g}`, timezone: 'London', feedKey: `wing-${g}`, now });
    coop.db.memberships.add({ userId: basil.id, groupId: group.id, now });
    groupIds.push(group.id);
  }
  const store = await openStore({
    url: storeUrl,
    logger: silentLogger(),
    env: { COOP_BRIDGE_SECRET: SECRET },
  });
  try {
    const owner = await store.linkAccount({
      platform: 'discord',
      workspaceId: 'G1',
      chatUserId: 'U-basil',
      coopEmail: BASIL,
      password: 'fawlty',
      coopUserId: null,
      displayName: 'Basil',
    });
    const channels: Setup['channels'] = [];
    for (const groupId of groupIds) {
      for (let c = 0; c < CHANNELS_PER_GROUP; c++) {
        const channel: ChannelRef = {
          platform: 'discord',
          workspaceId: 'G1',
          channelId: `g${groupId}-c${c}`,
        };
        await store.createSubscription({ channel, groupId, filter: 'all', ownerAccountId: owner.id });
        channels.push({ ...channel, groupId });
      }
    }
    return { groupIds, channels, basilId: basil.id };
  } finally {
    await store.close();
  }
}

async function readLines(dir: string): Promise<MultiDeliveryLine[]> {
  const lines: MultiDeliveryLine[] = [];
  for (const file of await readdir(dir)) {
    const text = await readFile(join(dir, file), 'utf8');
    for (const raw of text.split('\n')) if (raw) lines.push(JSON.parse(raw) as MultiDeliveryLine);
  }
  return lines;
}

async function deliveredKeys(dir: string): Promise<number> {
  return (await readLines(dir)).reduce((n, line) => n + line.keys.length, 0);
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(50);
  }
}
