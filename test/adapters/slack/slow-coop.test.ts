import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SlackBot, SYBIL, startSlackBot } from '../../helpers/fake-slack-bot.js';

/** Slack wants the acknowledgement within 3 s; Co-op may take longer. The answer then comes later. */
let bot: SlackBot;
let slowNext = false;
const slowed = new Set<FastifyRequest>();
const COOP_DELAY_MS = 3100;

beforeAll(async () => {
  bot = await startSlackBot({
    configureCoop: (app) => {
      app.addHook('onRequest', async (request) => {
        if (!slowNext) return;
        slowNext = false;
        slowed.add(request);
        await new Promise((resolve) => setTimeout(resolve, COOP_DELAY_MS));
      });
      app.addHook('onSend', async (request, _reply, payload) => {
        if (slowed.delete(request)) bot.slack.mark('coop answered');
        return payload;
      });
    },
  });
  await bot.login(SYBIL, 'sybil@fawltytowers.com', 'fawlty');
});
afterAll(async () => {
  await bot.close();
});

it('acknowledges before a slowed Co-op answers, then answers through response_url', async () => {
  slowNext = true;
  const sent = await bot.command('timeline me');
  expect(sent).toMatchObject({ status: 200, body: '' });
  const answer = await bot.answerTo(sent);
  const coopAnswered = bot.slack.marks.find((m) => m.event === 'coop answered');
  expect(coopAnswered).toBeDefined();
  // Order, not wall-clock: the ack arrived, then Co-op answered (after its delay), then the answer came.
  expect(sent.ackSeq).toBeLessThan(coopAnswered?.seq ?? 0);
  expect(coopAnswered?.seq ?? 0).toBeLessThan(answer.seq);
  expect(answer.body.response_type).toBe('ephemeral');
  expect(String(answer.body.text)).toContain('Sybil Fawlty in Fawlty Towers:');
});
