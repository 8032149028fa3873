import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCoopServer } from '../src/coop-server/start-coop-server.js';
import { startTestCoopServer } from './helpers/coop-server.js';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.js';
import { postToSlackApp, slashCommandBody } from './helpers/fake-slack-signing.js';

const root = path.resolve(import.meta.dirname, '..');
const SECRET = 'main-test-signing-secret';
const TOKEN = 'xoxb-fake-main';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(probe: () => Promise<T | undefined>, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('gave up waiting');
}

/** The whole bot as deployed: `src/main.ts` with Slack settings, against local fakes. */
describe('npm start with Slack configured', () => {
  let coop: RunningCoopServer;
  let slack: FakeSlack;
  let dataDir: string;
  let child: ChildProcess;
  let port: number;
  let logs = '';

  beforeAll(async () => {
    coop = await startTestCoopServer({ seed: 'demo' });
    slack = await startFakeSlack();
    dataDir = await mkdtemp(path.join(tmpdir(), 'coop-bridge-chat-'));
    port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        COOP_URL: coop.url,
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => {
      logs += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      logs += d.toString();
    });
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await slack.close();
    await coop.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz and /metrics beside /slack/events', async () => {
    const health = await until(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      return res.status === 200 ? res.json() : undefined;
    });
    expect(health).toEqual({ ok: true, checks: { store: 'ok', coop: 'ok' } });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('# TYPE coop_bridge_polls_total counter');
    expect(metrics).toContain('process_cpu_seconds_total');
  });

  it('answers a signed slash command through response_url', async () => {
    const body = slashCommandBody({
      text: 'whoami',
      userId: 'U0BASIL',
      userName: 'basil',
      teamId: 'T0FAWLTY',
      channelId: 'C0GENERAL',
      responseUrl: slack.responseUrl('main'),
    });
    const ack = await postToSlackApp(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET });
    expect(ack.status).toBe(200);
    const answer = await slack.waitFor(() =>
      slack.responses.find((r) => JSON.stringify(r).includes('not linked')),
    );
    expect(JSON.stringify(answer)).toContain('response_type');
  });

  it('stops gracefully on SIGTERM and never logged its secrets', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs).toContain('shutting down');
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain(SECRET);
  });
});
