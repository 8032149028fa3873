import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DM_SENT_REACTION } from '../../../adapters/discord/answer-message.js';
import { BASIL, BOT, CHANNEL_ID, POLLY, SYBIL } from '../../helpers/fake-discord-world.js';
import { type DiscordHarness, shownText, startDiscordHarness } from './discord-harness.js';

const CHANNEL_MESSAGES = `/channels/${CHANNEL_ID}/messages`;

describe('prefix commands through MESSAGE_CREATE', () => {
  let bot: DiscordHarness;
  beforeAll(async () => {
    bot = await startDiscordHarness();
    await bot.link(BASIL, 'basil@fawltytowers.com');
    await bot.link(SYBIL, 'sybil@fawltytowers.com');
  });
  afterAll(async () => {
    await bot.close();
  });

  /** Types a command as `user` and returns where and what the bot answered. */
  async function ask(user: typeof BASIL, content: string, mentions: (typeof BASIL)[] = []) {
    const from = bot.say(user, content, { mentions });
    const call = await bot.nextMessage(from);
    return {
      from,
      call,
      where: call.path === CHANNEL_MESSAGES ? 'channel' : 'dm',
      text: shownText(call.body),
    };
  }

  it('`!coop use 1` answers in the channel, as a reply that pings nobody', async () => {
    const { call, where, text } = await ask(BASIL, '!coop use 1');
    expect(where).toBe('channel');
    expect(text).toContain('This channel now uses the Co-op group Fawlty Towers (#1).');
    expect(call.body).toMatchObject({
      allowed_mentions: { parse: [], replied_user: false },
      message_reference: { message_id: expect.any(String) },
    });
  });

  it('`!timeline @user` sends the private answer by DM, as embeds, and reacts in the channel', async () => {
    const { from, call, where, text } = await ask(BASIL, `!timeline <@${POLLY.id}>`, [POLLY]);
    expect(where).toBe('dm');
    const dm = bot.fake.calls.slice(from).find((c) => c.path === '/users/@me/channels');
    expect(dm?.body).toEqual({ recipient_id: BASIL.id });
    expect(text).toContain('Polly Sherman in Fawlty Towers:');
    const body = call.body as {
      embeds: { author: { name: string }; footer: { text: string } }[];
      allowed_mentions: unknown;
    };
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds.length).toBeGreaterThan(0);
    expect(body.embeds.every((e) => e.author.name === 'Polly Sherman')).toBe(true);
    const reaction = await bot.fake.waitForCall((c) => c.method === 'PUT' && c.path.includes('/reactions/'), {
      from,
    });
    expect(reaction.path).toContain(DM_SENT_REACTION);
  });

  it('`!timeline <@!id>` (the nickname form) names the linked user', async () => {
    const { text } = await ask(BASIL, `!timeline <@!${SYBIL.id}>`, [SYBIL]);
    expect(text).toContain('Sybil Fawlty in Fawlty Towers:');
  });

  it.each([
    ['!coop help', 'dm', /Co-op commands/],
    ['!help timeline', 'dm', /timeline \[@who\|email\|cobot\|me\] \[date\]/],
    ['!coop whoami', 'dm', /linked to Co-op as basil@fawltytowers\.com/],
    ['!coop groups', 'dm', /Fawlty Towers/],
    ['!coop members', 'dm', /sybil@fawltytowers\.com/],
    ['!post Fire drill at noon', 'channel', /Fire drill at noon/],
    ['!coop timeline', 'dm', /Basil Fawlty in Fawlty Towers:[\s\S]*Fire drill at noon/],
    ['!tl me today', 'dm', /Basil Fawlty in Fawlty Towers on \d{4}-\d{2}-\d{2}/],
    ['!coop timeline cobot', 'dm', /Cobot in Fawlty Towers/],
    ['!coop timeline sybil@fawltytowers.com', 'dm', /Sybil Fawlty in Fawlty Towers/],
    ['!coop today', 'dm', /Fawlty Towers on \d{4}-\d{2}-\d{2}/],
    ['!coop agenda set Fire drill; ducks', 'channel', /agenda is now:\nFire drill; ducks/],
    ['!coop agenda', 'dm', /Fire drill; ducks/],
    ['!coop agenda set mine Fix the moose', 'dm', /Your agenda is now/],
    ['!coop agenda mine', 'dm', /Fix the moose/],
    ['!coop agenda everyone', 'dm', /Agendas in Fawlty Towers/],
    ['!coop time 1:30 111 222 Pairing on the boiler', 'channel', /1:30|Pairing on the boiler/],
    ['!coop subscribe cobot', 'channel', /Cobot notices[\s\S]*feed #\d+/],
    ['!coop feeds', 'dm', /Feeds in this channel/],
    ['!unsub all', 'channel', /Stopped feeds? #\d+/],
    ['!coop frobnicate', 'dm', /✗[\s\S]*Usage: `!help/],
  ])('%s answers in the %s', async (command, where, expected) => {
    const answer = await ask(BASIL, command);
    expect(answer.where).toBe(where);
    expect(answer.text).toMatch(expected);
  });

  it('show, timer and delete work on ids from earlier answers', async () => {
    const posted = await ask(BASIL, '!post Polish the brass');
    const noteId = /#(\d+)/.exec(posted.text)?.[1];
    expect(noteId).toBeDefined();
    expect((await ask(BASIL, `!show ${noteId}`)).text).toContain('Polish the brass');
    expect((await ask(BASIL, `!delete ${noteId}`)).text).toContain(`Deleted note #${noteId}.`);
    const logged = await ask(BASIL, '!time 0.5 111 222 Timer test');
    const entryId = /#(\d+)/.exec(logged.text)?.[1];
    expect(entryId).toBeDefined();
    expect((await ask(BASIL, `!timer ${entryId}`)).text).toMatch(/timer/i);
  });

  it('ignores chat, other bots, and other bots’ commands sharing the prefix', async () => {
    const from = bot.fake.calls.length;
    bot.say(BASIL, 'just chatting about !timeline');
    bot.say(BASIL, '!play never gonna give you up');
    bot.say({ ...BOT, id: '1999999999999999999', username: 'musicbot' }, '!coop help');
    const answer = await ask(BASIL, '!coop whoami');
    expect(
      bot.fake.calls.slice(from).filter((c) => c.method === 'POST' && c.path.endsWith('/messages')),
    ).toEqual([answer.call]);
  });

  it('answers a DM in the DM, with a reply', async () => {
    const from = bot.say(SYBIL, '!coop help', { dmChannelId: '1700000000000000001' });
    const call = await bot.nextMessage(from);
    expect(call.path).toBe('/channels/1700000000000000001/messages');
    expect(shownText(call.body)).toContain('Co-op commands');
  });

  it('says so in the channel when the user’s DMs are closed', async () => {
    bot.fake.failNext({
      method: 'POST',
      path: new RegExp(`^/channels/(?!${CHANNEL_ID})\\d+/messages$`),
      status: 403,
      body: { message: 'Cannot send messages to this user', code: 50007 },
    });
    const from = bot.say(BASIL, '!coop whoami');
    const call = await bot.fake.waitForCall((c) => c.method === 'POST' && c.path === CHANNEL_MESSAGES, {
      from,
    });
    expect(shownText(call.body)).toContain('could not send you one');
    expect(shownText(call.body)).not.toContain('basil@fawltytowers.com');
  });
});
