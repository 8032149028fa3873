import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoopClient } from '../../src/coop/client/coop-client.js';
import type { RunningCoopServer } from '../../src/coop-server/start-coop-server.js';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import { startTestCoopServer } from '../helpers/coop-server.js';
import type { ChildOptions, DeliveryLine } from './relay-child.js';

const root = resolve(import.meta.dirname, '../..');
const script = join(root, 'test/relay/relay-child.ts');

let dir: string | undefined;
let coop: RunningCoopServer | undefined;
afterEach(async () => {
  await coop?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  coop = undefined;
  dir = undefined;
});

interface Run {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed). */
  exited: Promise<number | null>;
  /** Resolves when the child printed a line starting with `marker`. */
  printed(marker: string): Promise<void>;
}

function runChild(options: ChildOptions): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<{ marker: string; resolve: () => void }> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of waiters) if (out.split('\n').some((line) => line.startsWith(w.marker))) w.resolve();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    exited: exited.then((code) => {
      if (code !== null && code !== 0) throw new Error(`relay child failed (${code}): ${err}`);
      return code;
    }),
    printed: (marker) =>
      new Promise<void>((done, fail) => {
        waiters.push({ marker, resolve: done });
        exited.then(() => fail(new Error(`child exited before printing ${marker}: ${out} ${err}`)));
      }),
  };
}

async function deliveries(path: string): Promise<DeliveryLine[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DeliveryLine);
}

type Crash = { hangBeforeSend: number } | { hangAfterSend: number } | { killAfterSent: number };

describe('a relay process killed with SIGKILL during delivery, then restarted', () => {
  it.each<[string, ChildOptions['platform'], Crash]>([
    ['after a send, before it was recorded (Discord: nonce dedupes)', 'discord', { hangAfterSend: 3 }],
    ['after a send, before it was recorded (Slack: found in history)', 'slack', { hangAfterSend: 3 }],
    ['after a claim, before the send', 'discord', { hangBeforeSend: 3 }],
    ['wherever it is when the 4th message lands', 'slack', { killAfterSent: 4 }],
  ])(
    'killed %s: nothing lost, nothing twice, in order',
    async (_name, platform, crash) => {
      dir = await mkdtemp(join(tmpdir(), 'relay-crash-'));
      coop = await startTestCoopServer({ seed: 'demo' });
      const storeUrl = `sqlite:${join(dir, 'bridge.db')}`;
      const store = await openStore({ url: storeUrl, logger: silentLogger(), env: {} });
      const owner = await store.linkAccount({
        platform,
        workspaceId: 'W1',
        chatUserId: 'U-basil',
        coopEmail: 'basil@fawltytowers.com',
        password: 'fawlty',
        coopUserId: null,
        displayName: 'Basil',
      });
      const sub = await store.createSubscription({
        channel: { platform, workspaceId: 'W1', channelId: 'C1' },
        groupId: 1,
        filter: 'all',
        ownerAccountId: owner.id,
      });
      await store.close();
      const base: ChildOptions = {
        coopUrl: coop.url,
        storeUrl,
        deliveries: join(dir, 'platform.jsonl'),
        platform,
        maxStatusesPerMessage: 5,
      };
      await runChild(base).exited;

      const basil = new CoopClient({ baseUrl: coop.url, retries: 0 }).withCredentials({
        email: 'basil@fawltytowers.com',
        password: 'fawlty',
      });
      const posted: string[] = [];
      for (let i = 0; i < 40; i++) posted.push(`Note:${await basil.postStatus(1, `burst ${i}`)}`);
      await basil.close();

      const doomed = runChild({ ...base, ...crash, delayMs: 'killAfterSent' in crash ? 5 : 0 });
      await doomed.printed('killAfterSent' in crash ? `SENT ${crash.killAfterSent}` : 'HANGING');
      doomed.child.kill('SIGKILL');
      expect(await doomed.exited).toBeNull();
      const beforeRestart = await deliveries(base.deliveries);
      expect(beforeRestart.length).toBeGreaterThan(0);
      expect(beforeRestart.length).toBeLessThan(8);

      await runChild(base).exited;
      const lines = await deliveries(base.deliveries);
      expect(lines.flatMap((line) => line.keys)).toEqual(posted);
      expect(new Set(lines.map((line) => line.nonce)).size).toBe(lines.length);
      // The bot's records agree with the platform: every status is recorded where it landed.
      const after = await openStore({ url: storeUrl, logger: silentLogger(), env: {} });
      expect(await after.listSendingOutbox()).toEqual([]);
      expect(await after.listChannelsWithPendingOutbox()).toEqual([]);
      for (const line of lines) {
        for (const key of line.keys) {
          const delivered = await after.findDelivered(sub.id, { type: 'Note', id: Number(key.slice(5)) });
          expect(delivered?.platformMessageId).toBe(line.messageId);
        }
      }
      await after.close();
    },
    60_000,
  );
});
