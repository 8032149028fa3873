import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GENERAL,
  SIGNING_SECRET,
  type SlackBot,
  SYBIL,
  startSlackBot,
} from '../../helpers/fake-slack-bot.js';
import { FAKE_TEAM } from '../../helpers/fake-slack-methods.js';
import { postToSlackApp, slackSignature, slashCommandBody } from '../../helpers/fake-slack-signing.js';

/** Requests that Bolt must refuse before any listener runs: no Co-op call, no answer, no Web API call. */
describe('slash command request verification', () => {
  let bot: SlackBot;
  let coopRequests = 0;
  beforeAll(async () => {
    bot = await startSlackBot({
      configureCoop: (app) =>
        app.addHook('onRequest', async () => {
          coopRequests += 1;
        }),
    });
  });
  afterAll(async () => {
    await bot.close();
  });

  const body = () =>
    slashCommandBody({
      text: 'timeline',
      userId: SYBIL.id,
      userName: SYBIL.name,
      teamId: FAKE_TEAM,
      channelId: GENERAL,
      responseUrl: bot.slack.responseUrl('refused'),
    });
  const now = () => Math.floor(Date.now() / 1000);
  const url = () => bot.adapter.url as string;

  it.each([
    ['unsigned', () => ({})],
    ['signed with the wrong secret', () => ({ secret: 'not-the-secret' })],
    ['with a malformed signature', () => ({ signature: 'v0=zz' })],
    ['stale: signed correctly six minutes ago', () => ({ secret: SIGNING_SECRET, timestamp: now() - 360 })],
  ])('refuses a request %s and runs nothing', async (_name, signing) => {
    const callsBefore = bot.slack.calls.length;
    const coopBefore = coopRequests;
    const result = await postToSlackApp(url(), body(), signing());
    expect(result.status).toBe(401);
    // Give a wrongly started command time to show itself, then check nothing happened.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(bot.slack.responses.filter((r) => r.id === 'refused')).toEqual([]);
    expect(bot.slack.calls.length).toBe(callsBefore);
    expect(coopRequests).toBe(coopBefore);
  });

  it('a body changed after signing is refused', async () => {
    const timestamp = now();
    const signature = slackSignature(SIGNING_SECRET, timestamp, body());
    const tampered = body().replace('timeline', 'post+pwned');
    const result = await postToSlackApp(url(), tampered, { signature, timestamp });
    expect(result.status).toBe(401);
  });

  it('the same request correctly signed is acknowledged and answered', async () => {
    const result = await postToSlackApp(url(), body(), { secret: SIGNING_SECRET });
    expect(result.status).toBe(200);
    const answer = await bot.slack.waitFor(() => bot.slack.responses.find((r) => r.id === 'refused'));
    expect(JSON.stringify(answer.body)).toContain('You have not linked your Co-op login yet');
  });
});
