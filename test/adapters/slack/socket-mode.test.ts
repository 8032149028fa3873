import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  GENERAL,
  type SlackBot,
  SYBIL,
  startSlackBot,
  viewSubmission,
} from '../../helpers/fake-slack-bot.js';
import { blockTexts } from './status-samples.js';

/** The same code over Socket Mode (SLACK_APP_TOKEN): no public URL, envelopes over a WebSocket. */
let bot: SlackBot;
beforeAll(async () => {
  bot = await startSlackBot({ socketMode: true });
});
afterAll(async () => {
  await bot.close();
});

it('connects with the app token, with no HTTP endpoint', () => {
  expect(bot.adapter.mode).toBe('socket');
  expect(bot.adapter.url).toBeUndefined();
  const open = bot.slack.callsTo('apps.connections.open')[0];
  expect(open?.token).toBe('xapp-test-token');
});

it('runs /coop and the login modal; the password reaches no log, even at trace level', async () => {
  const help = await bot.run('help');
  expect(help.body.response_type).toBe('ephemeral');
  expect(blockTexts(help.body.blocks).join('\n')).toContain('timeline');

  const sent = await bot.command('login');
  expect(sent).toMatchObject({ status: 200, body: '' });
  const opened = await bot.slack.waitFor(() =>
    bot.slack.callsTo('views.open').find((c) => c.args.trigger_id === sent.triggerId),
  );
  const refused = await bot.interact(viewSubmission(SYBIL, opened, { email: '', password: 'fawlty' }));
  expect(JSON.parse(refused.body)).toMatchObject({ response_action: 'errors' });
  const accepted = await bot.interact(
    viewSubmission(SYBIL, opened, { email: 'sybil@fawltytowers.com', password: 'fawlty' }),
  );
  expect(accepted.body).toBe('');
  const shown = await bot.slack.waitFor(() => bot.slack.callsTo('chat.postEphemeral')[0]);
  expect(shown.args).toMatchObject({ channel: GENERAL, user: SYBIL.id });
  expect(String(shown.args.text)).toContain('Logged in as sybil@fawltytowers.com');
  expect(bot.logs.join('\n')).not.toMatch(/"fawlty"|password":"fawlty/);
  expect(bot.logs.join('\n')).not.toContain('\\"value\\":\\"fawlty\\"');

  const posted = await bot.run('post Over the socket');
  expect(posted.body.response_type).toBe('in_channel');
});
