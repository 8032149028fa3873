import { Worker } from 'node:worker_threads';
import { App } from '@slack/bolt';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { startSlackAdapter } from '../adapters/slack/index.js';
import { CoopClient } from '../src/coop/client/coop-client.js';
import { startCoopServer } from '../src/coop-server/start-coop-server.js';
import { createCore } from '../src/core/create-core.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import { startFakeSlack } from '../test/helpers/fake-slack.js';
import type { BenchPart } from './bench-part.js';
import { percentile } from './measure.js';

const SECRET = 'bench-signing-secret';
const WARM_UP = 100;
const REQUESTS = 1000;
const ROUNDS = 10;

/**
 * Slash-command acknowledgement latency, signed request to ack, one request at a time from a worker
 * thread: the whole adapter (`/coop whoami`, answered through response_url after the ack, so its work
 * competes with the next request) beside a bare Bolt app that only acknowledges, in the same run.
 */
export const slackPart: BenchPart = {
  name: 'slack',
  description: `/coop acknowledgement latency over ${REQUESTS} signed requests, adapter vs bare Bolt`,
  async run(report) {
    const logger = silentLogger();
    const slack = await startFakeSlack();
    const coop = await startCoopServer({ port: 0, dbPath: ':memory:', seed: 'demo', logger });
    const store = await openStore({ url: 'sqlite::memory:', logger, env: {} });
    const client = new CoopClient({ baseUrl: coop.url, retries: 0, logger });
    const adapter = await startSlackAdapter({
      core: createCore({ store, coop: client, logger }),
      logger,
      botToken: 'xoxb-bench',
      signingSecret: SECRET,
      apiUrl: slack.apiUrl,
      port: 0,
      host: '127.0.0.1',
      retryConfig: { retries: 0 },
    });
    const bare = await startBareBolt(slack.apiUrl);
    try {
      const fields = commandFields(slack.responseUrl('bench'));
      const measure = (url: string, count: number) =>
        ackLatenciesFromWorker({ url, secret: SECRET, count, fields });
      // Both warmed up, then measured in alternating rounds: neither gets a warmer JIT or a quieter machine.
      await measure(adapter.url as string, WARM_UP);
      await measure(bare.url, WARM_UP);
      const ours: number[] = [];
      const baseline: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        ours.push(...(await measure(adapter.url as string, REQUESTS / ROUNDS)));
        baseline.push(...(await measure(bare.url, REQUESTS / ROUNDS)));
      }
      for (const p of [50, 99] as const) {
        const mine = percentile(ours, p);
        const base = percentile(baseline, p);
        report.add(`slack.ack_p${p}_ms`, mine, 'ms', 'signed /coop whoami → ack, whole adapter');
        report.add(
          `slack.bare_bolt_ack_p${p}_ms`,
          base,
          'ms',
          'same requests, a Bolt listener that only acks',
        );
        report.add(`slack.ack_p${p}_ratio`, mine / base, '×', 'adapter / bare Bolt');
      }
    } finally {
      await bare.app.stop();
      await adapter.stop();
      await client.close();
      await store.close();
      await coop.close();
      await slack.close();
    }
  },
};

async function startBareBolt(apiUrl: string): Promise<{ app: App; url: string }> {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: SECRET,
    endpoints: '/slack/events',
    logger: boltLogger(silentLogger()),
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
    convoStore: false,
  });
  app.command('/coop', async ({ ack }) => {
    await ack();
  });
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}/slack/events` };
}

function commandFields(responseUrl: string): Record<string, string> {
  return {
    token: 'unused',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'bench',
    user_name: 'bench',
    command: '/coop',
    text: 'whoami',
    api_app_id: 'A0BENCH',
    response_url: responseUrl,
  };
}

/**
 * The load generator runs in a worker thread, with its own event loop: like Slack, it sees the ack as
 * soon as it is written, not when the server's process next has time (the command's work runs right
 * after the ack, on the server's loop). Plain JavaScript, so the worker needs no TypeScript loader.
 */
const CLIENT = `
const { workerData, parentPort } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const { performance } = require('node:perf_hooks');
(async () => {
  const { url, secret, count, fields } = workerData;
  const samples = [];
  for (let i = 0; i < count; i++) {
    const body = new URLSearchParams({ ...fields, user_id: 'U' + (i % 20), trigger_id: i + '.trigger' }).toString();
    const t0 = performance.now();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = 'v0=' + createHmac('sha256', secret).update('v0:' + timestamp + ':' + body).digest('hex');
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error('slack bench: ack answered ' + response.status);
    samples.push(performance.now() - t0);
  }
  parentPort.postMessage(samples);
})().catch((error) => { throw error; });
`;

export interface ClientRun {
  url: string;
  secret: string;
  count: number;
  /** The slash command's form fields; `user_id` and `trigger_id` vary per request. */
  fields: Record<string, string>;
}

/** Milliseconds from signing each request to reading its ack, sequentially, measured in a worker. */
export function ackLatenciesFromWorker(run: ClientRun): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: run });
    worker.once('message', (samples: number[]) => {
      resolve(samples);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
