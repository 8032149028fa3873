import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_MODAL_ID } from '../../../adapters/discord/login-modal.js';
import { modalSubmit, opt } from '../../helpers/fake-discord-interactions.js';
import { CHANNEL_ID, GUILD_ID, MANUEL, POLLY, SYBIL } from '../../helpers/fake-discord-world.js';
import { type DiscordHarness, shownText, startDiscordHarness } from './discord-harness.js';

/** The demo password, but not the "fawlty" inside fawltytowers.com. */
const PASSWORD = /fawlty(?!towers)/i;

describe('logging in from Discord', () => {
  let bot: DiscordHarness;
  beforeAll(async () => {
    bot = await startDiscordHarness();
  });
  afterAll(async () => {
    await bot.close();
  });

  const callback = (from: number) =>
    bot.fake.waitForCall((c) => c.method === 'POST' && c.path.endsWith('/callback'), { from });
  const accountOf = (userId: string) =>
    bot.store.getAccountByChatUser({ platform: 'discord', workspaceId: GUILD_ID, chatUserId: userId });

  it('`/coop login` opens a modal (email prefilled), and submitting it links the account', async () => {
    const opened = bot.slash(SYBIL, 'login', [opt.string('email', 'sybil@fawltytowers.com')]);
    const modal = await callback(opened.from);
    const data = (modal.body as { type: number; data: Record<string, unknown> }).data;
    expect((modal.body as { type: number }).type).toBe(9);
    expect(data.custom_id).toBe(LOGIN_MODAL_ID);
    expect(JSON.stringify(data.components)).toContain('"value":"sybil@fawltytowers.com"');

    const from = bot.fake.calls.length;
    bot.fake.dispatch(
      'INTERACTION_CREATE',
      modalSubmit(SYBIL, LOGIN_MODAL_ID, {
        'coop-email': 'sybil@fawltytowers.com',
        'coop-password': 'fawlty',
      }),
    );
    const answer = await callback(from);
    expect(answer.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(shownText(answer.body)).toContain('Logged in as sybil@fawltytowers.com');
    expect((await accountOf(SYBIL.id))?.coopEmail).toBe('sybil@fawltytowers.com');
  });

  it('a wrong password stores nothing and says so privately', async () => {
    const from = bot.fake.calls.length;
    bot.fake.dispatch(
      'INTERACTION_CREATE',
      modalSubmit(MANUEL, LOGIN_MODAL_ID, {
        'coop-email': 'manuel@fawltytowers.com',
        'coop-password': 'que?',
      }),
    );
    const answer = await callback(from);
    expect(answer.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(shownText(answer.body)).toContain('did not accept');
    expect(await accountOf(MANUEL.id)).toBeUndefined();
  });

  it('`!coop login EMAIL PASSWORD` is deleted and refused, never run', async () => {
    const from = bot.say(POLLY, '!coop login polly@fawltytowers.com fawlty');
    const refusal = await bot.nextMessage(from);
    const deletion = bot.fake.calls
      .slice(from)
      .find((c) => c.method === 'DELETE' && c.path.startsWith(`/channels/${CHANNEL_ID}/messages/`));
    expect(deletion).toBeDefined();
    expect(bot.fake.calls.indexOf(deletion as (typeof bot.fake.calls)[number])).toBeLessThan(
      bot.fake.calls.indexOf(refusal),
    );
    expect(shownText(refusal.body)).toContain('I deleted your message');
    expect(shownText(refusal.body)).toContain('/coop login');
    expect(refusal.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(await accountOf(POLLY.id)).toBeUndefined();
  });

  it('says so when it may not delete the message', async () => {
    bot.fake.failNext({
      method: 'DELETE',
      path: /^\/channels\/\d+\/messages\/\d+$/,
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    const from = bot.say(POLLY, '!login polly@fawltytowers.com fawlty');
    const refusal = await bot.nextMessage(from);
    expect(shownText(refusal.body)).toContain('I could not delete your message');
    expect(shownText(refusal.body)).toContain('Manage Messages');
  });

  it('a bare `!coop login` points to the modal and deletes nothing', async () => {
    const from = bot.say(POLLY, '!coop login');
    const reply = await bot.nextMessage(from);
    expect(shownText(reply.body)).toContain('/coop login');
    expect(bot.fake.calls.slice(from).some((c) => c.method === 'DELETE')).toBe(false);
  });

  it('never sends the password anywhere, nor logs it', () => {
    const outgoing = bot.fake.calls.map((c) => JSON.stringify(c.body ?? null));
    expect(outgoing.filter((body) => PASSWORD.test(body))).toEqual([]);
    expect(bot.logs.filter((line) => PASSWORD.test(line) || line.includes('que?'))).toEqual([]);
  });
});
