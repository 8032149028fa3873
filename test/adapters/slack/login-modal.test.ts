import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD_HINT } from '../../../adapters/slack/login-modal.js';
import { addMember, addUser } from '../../../src/coop-server/cli/admin-commands.js';
import {
  GENERAL,
  type SlackBot,
  SYBIL,
  startSlackBot,
  viewSubmission,
} from '../../helpers/fake-slack-bot.js';
import { FAKE_TEAM, type FakeUser } from '../../helpers/fake-slack-methods.js';

/** A member whose password appears nowhere else, so "it never appears" means something. */
const GERRY: FakeUser = {
  id: 'U0GERRY',
  name: 'gerry',
  realName: 'Gerry Hotel',
  email: 'gerry@fawltytowers.com',
};
const PASSWORD = 'Tr0mbone7Secret';

describe('login through the modal', () => {
  let bot: SlackBot;
  beforeEach(async () => {
    bot = await startSlackBot();
    bot.slack.workspace.users.set(GERRY.id, GERRY);
    await addUser(bot.coop.db, { email: 'gerry@fawltytowers.com', name: 'Gerry Hotel', password: PASSWORD });
    addMember(bot.coop.db, { groupId: '1', email: 'gerry@fawltytowers.com', leader: false, harvest: false });
  });
  afterEach(async () => {
    await bot.close();
  });

  /** Everything the bot sent anywhere or logged. */
  const everything = () =>
    [...bot.slack.calls.map((c) => c.raw), ...bot.slack.responses.map((r) => r.raw), ...bot.logs].join('\n');
  const account = (user: FakeUser) =>
    bot.store.getAccountByChatUser({ platform: 'slack', workspaceId: FAKE_TEAM, chatUserId: user.id });

  it('opens a modal from the trigger, links the account, and never echoes the password', async () => {
    const sent = await bot.command('login gerry@fawltytowers.com', GERRY);
    expect(sent).toMatchObject({ status: 200, body: '' });
    const opened = await bot.slack.waitFor(() => bot.slack.callsTo('views.open')[0]);
    expect(opened.args.trigger_id).toBe(sent.triggerId);
    const view = opened.args.view as Record<string, unknown>;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'coop_login' });
    const inputs = (
      view.blocks as { type: string; block_id?: string; element?: object; hint?: object }[]
    ).filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, b.element])).toEqual([
      [
        'email',
        expect.objectContaining({ type: 'email_text_input', initial_value: 'gerry@fawltytowers.com' }),
      ],
      ['password', expect.objectContaining({ type: 'plain_text_input' })],
    ]);
    expect(inputs[1]?.hint).toEqual({ type: 'plain_text', text: PASSWORD_HINT });
    expect(PASSWORD_HINT).toContain('visible');

    const result = await bot.interact(
      viewSubmission(GERRY, opened, { email: 'gerry@fawltytowers.com', password: PASSWORD }),
    );
    expect(result).toEqual({ status: 200, body: '' });
    const shown = await bot.slack.waitFor(() => bot.slack.callsTo('chat.postEphemeral')[0]);
    expect(shown.args).toMatchObject({ channel: GENERAL, user: GERRY.id });
    expect(shown.args.text).toContain('Logged in as gerry@fawltytowers.com');
    expect(await account(GERRY)).toMatchObject({ coopEmail: 'gerry@fawltytowers.com', password: PASSWORD });
    // Nothing answered in the channel, and the password is nowhere: calls, answers, logs.
    expect(bot.slack.responses).toEqual([]);
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(everything()).not.toContain(PASSWORD);

    const whoami = await bot.run('whoami', GERRY);
    expect(whoami.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(whoami.body)).toContain('You are linked to Co-op as gerry@fawltytowers.com');
  });

  it('an empty email goes back into the modal as an error; nothing is checked or stored', async () => {
    await bot.command('login', GERRY);
    const opened = await bot.slack.waitFor(() => bot.slack.callsTo('views.open')[0]);
    const result = await bot.interact(viewSubmission(GERRY, opened, { email: '  ', password: PASSWORD }));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({
      response_action: 'errors',
      errors: { email: 'Enter the email you log in to Co-op with.' },
    });
    const noPassword = await bot.interact(
      viewSubmission(GERRY, opened, { email: 'gerry@fawltytowers.com', password: '' }),
    );
    expect(JSON.parse(noPassword.body)).toMatchObject({ errors: { password: 'Enter your Co-op password.' } });
    expect(await account(GERRY)).toBeUndefined();
    expect(bot.slack.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('a wrong password is refused privately and stores nothing', async () => {
    const shown = await bot.login(GERRY, 'gerry@fawltytowers.com', 'wrong-password');
    expect(shown.args.text).toContain('Co-op did not accept that email and password. Nothing was stored.');
    expect(await account(GERRY)).toBeUndefined();
  });

  it('when the bot cannot post in the channel, the result comes through response_url', async () => {
    bot.slack.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    const sent = await bot.command('login', GERRY);
    const opened = await bot.slack.waitFor(() => bot.slack.callsTo('views.open')[0]);
    await bot.interact(
      viewSubmission(GERRY, opened, { email: 'gerry@fawltytowers.com', password: PASSWORD }),
    );
    const answer = await bot.answerTo(sent);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(answer.body)).toContain('Logged in as gerry@fawltytowers.com');
    expect(everything()).not.toContain(PASSWORD);
  });

  it('a password typed inline in a channel is refused ephemerally, not stored, never echoed', async () => {
    const answer = await bot.run(`login gerry@fawltytowers.com ${PASSWORD}`, GERRY);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(answer.body)).toContain('Never type your password in a channel');
    expect(JSON.stringify(answer.body)).toContain('Run `login` on its own to get a private form');
    expect(bot.slack.callsTo('views.open')).toEqual([]);
    expect(await account(GERRY)).toBeUndefined();
    expect(everything()).not.toContain(PASSWORD);
  });

  it('if Slack will not open the modal, the user is told privately', async () => {
    bot.slack.failNext('views.open', { error: 'expired_trigger_id' });
    const answer = await bot.run('login', SYBIL);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(answer.body)).toContain('I could not open the login form (expired_trigger_id)');
  });
});
