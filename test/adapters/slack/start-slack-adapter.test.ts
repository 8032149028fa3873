import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackStartError, startSlackAdapter } from '../../../adapters/slack/index.js';
import type { Core } from '../../../src/core/create-core.js';
import { silentLogger } from '../../../src/log/logger.js';
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.js';

const core: Core = {
  run: () => Promise.reject(new Error('not called')),
  completeLogin: () => Promise.reject(new Error('not called')),
};

describe('starting the Slack adapter', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack.close();
  });
  const base = () => ({
    core,
    logger: silentLogger(),
    botToken: 'xoxb-test',
    apiUrl: slack.apiUrl.replace(/\/$/, ''), // without the trailing slash: the adapter adds it
    port: 0,
    host: '127.0.0.1',
    retryConfig: { retries: 0 },
  });

  it('listens on a free port and says where /slack/events is', async () => {
    const adapter = await startSlackAdapter({ ...base(), signingSecret: 'secret' });
    try {
      expect(adapter.mode).toBe('http');
      expect(adapter.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slack\/events$/);
      expect(adapter.url).not.toContain(':0/');
      expect(slack.callsTo('auth.test').at(-1)?.token).toBe('xoxb-test');
    } finally {
      await adapter.stop();
    }
  });

  it('a token Slack refuses fails the start, naming SLACK_BOT_TOKEN', async () => {
    slack.failNext('auth.test', { error: 'invalid_auth' });
    const started = startSlackAdapter({ ...base(), signingSecret: 'secret' });
    await expect(started).rejects.toBeInstanceOf(SlackStartError);
    slack.failNext('auth.test', { error: 'invalid_auth' });
    await expect(startSlackAdapter({ ...base(), signingSecret: 'secret' })).rejects.toThrow(
      'SLACK_BOT_TOKEN: Slack did not accept the bot token (invalid_auth)',
    );
  });

  it('HTTP mode without a signing secret fails, naming SLACK_SIGNING_SECRET', async () => {
    await expect(startSlackAdapter(base())).rejects.toMatchObject({
      code: 'slack_config',
      message: expect.stringContaining('SLACK_SIGNING_SECRET'),
    });
  });

  it('serves extra GET routes (health, metrics) beside /slack/events', async () => {
    const adapter = await startSlackAdapter({
      ...base(),
      signingSecret: 'secret',
      extraRoutes: [
        {
          path: '/healthz',
          async handler(_req, res) {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"ok":true}');
          },
        },
      ],
    });
    try {
      const origin = new URL(adapter.url ?? '').origin;
      const health = await fetch(`${origin}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
      expect((await fetch(`${origin}/nope`)).status).toBe(404);
    } finally {
      await adapter.stop();
    }
  });
});
