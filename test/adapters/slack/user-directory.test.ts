import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UserDirectory } from '../../../adapters/slack/user-directory.js';
import { silentLogger } from '../../../src/log/logger.js';
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.js';
import { POLLY } from '../../helpers/fake-slack-bot.js';

let slack: FakeSlack;
let client: webApi.WebClient;
beforeAll(async () => {
  slack = await startFakeSlack({ users: [POLLY] });
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(async () => {
  await slack.close();
});

it('looks people up once per while, shares concurrent look-ups, and forgets after the TTL', async () => {
  let now = 0;
  const directory = new UserDirectory(client, silentLogger(), { ttlMs: 1000, now: () => now });
  const [a, b] = await Promise.all([directory.lookup(POLLY.id), directory.lookup(POLLY.id)]);
  expect(a).toEqual({ displayName: 'P.S.', email: 'polly@fawltytowers.com' });
  expect(b).toBe(a);
  await directory.lookup(POLLY.id);
  expect(slack.callsTo('users.info')).toHaveLength(1);
  now = 1001;
  await directory.lookup(POLLY.id);
  expect(slack.callsTo('users.info')).toHaveLength(2);
});

it('a failure means nothing known, remembered for a tenth of the TTL', async () => {
  let now = 0;
  const directory = new UserDirectory(client, silentLogger(), { ttlMs: 1000, now: () => now });
  const before = slack.callsTo('users.info').length;
  slack.failNext('users.info', { error: 'missing_scope' });
  expect(await directory.lookup(POLLY.id)).toBeUndefined();
  expect(await directory.lookup(POLLY.id)).toBeUndefined();
  now = 101;
  expect(await directory.lookup(POLLY.id)).toMatchObject({ email: 'polly@fawltytowers.com' });
  expect(slack.callsTo('users.info').length - before).toBe(2);
  expect(await directory.lookup('U0NOBODY')).toBeUndefined();
});

it('a slow users.info is not waited for past maxWaitMs; its answer is cached when it comes', async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  // A client whose fetch waits for the gate, so the look-up outlasts the caller's patience.
  const gated = new webApi.WebClient('xoxb-test', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    fetch: async (input, init) => {
      await gate;
      return fetch(input, init);
    },
  });
  const directory = new UserDirectory(gated, silentLogger(), { maxWaitMs: 20 });
  expect(await directory.lookup(POLLY.id)).toBeUndefined();
  const calls = slack.callsTo('users.info').length;
  release();
  await slack.waitFor(() => (slack.callsTo('users.info').length > calls ? true : undefined));
  // The first look-up finished in the background; this one is served from the cache.
  await expect.poll(() => directory.lookup(POLLY.id)).toMatchObject({ email: 'polly@fawltytowers.com' });
  expect(slack.callsTo('users.info').length).toBe(calls + 1);
});
