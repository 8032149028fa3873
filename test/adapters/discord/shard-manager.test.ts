import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCoopServer } from '../../../src/coop-server/start-coop-server.js';
import { startTestCoopServer } from '../../helpers/coop-server.js';
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** `npm run discord:shards -- --shards 2`: two bot processes, each identifying as its own shard. */
describe('Discord sharding', () => {
  let discord: FakeDiscord;
  let coop: RunningCoopServer;
  let dataDir: string;
  let manager: ChildProcess;
  let output = '';

  beforeAll(async () => {
    discord = await startFakeDiscord();
    coop = await startTestCoopServer({ seed: 'demo' });
    dataDir = await mkdtemp(path.join(tmpdir(), 'coop-bridge-shards-'));
    manager = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'adapters/discord/shard-manager-cli.ts',
        '--shards',
        '2',
        '--spawn-delay-ms',
        '200',
      ],
      {
        cwd: root,
        detached: true,
        env: {
          PATH: process.env.PATH ?? '',
          DISCORD_TOKEN: 'shard-test-token',
          DISCORD_APP_ID: '1000000000000000001',
          DISCORD_API_URL: discord.apiUrl,
          COOP_URL: coop.url,
          DATA_DIR: dataDir,
          PORT: '0',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    for (const stream of [manager.stdout, manager.stderr]) {
      stream?.on('data', (d: Buffer) => {
        output += d.toString();
      });
    }
  });

  afterAll(async () => {
    if (manager.pid) process.kill(-manager.pid, 'SIGKILL');
    await discord.close();
    await coop.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts one process per shard, each identifying with its shard id', async () => {
    for (let i = 0; i < 300 && discord.identifies.length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    const shards = discord.identifies.map((d) => JSON.stringify((d as { shard?: unknown }).shard)).sort();
    expect(shards, output).toEqual(['[0,2]', '[1,2]']);
    expect(output).toContain('discord shard 0 started');
    expect(output).toContain('discord shard 1 started');
  }, 40_000);
});
