import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatSinkError } from '../../../src/relay/chat-sink.js';
import { CHANNEL_ID, GUILD_ID } from '../../helpers/fake-discord-world.js';
import { type DiscordHarness, startDiscordHarness } from './discord-harness.js';
import { dayEntry, note, PINGS, post } from './status-fixtures.js';

const channel = { platform: 'discord', workspaceId: GUILD_ID, channelId: CHANNEL_ID } as const;
const MESSAGES = `/channels/${CHANNEL_ID}/messages`;

describe('the Discord ChatSink against the fake REST API', () => {
  let bot: DiscordHarness;
  beforeAll(async () => {
    bot = await startDiscordHarness();
  });
  afterAll(async () => {
    await bot.close();
  });

  const sends = (from: number) =>
    bot.fake.calls.slice(from).filter((c) => c.method === 'POST' && c.path === MESSAGES);

  it('is the Discord sink, ten statuses (embeds) a message', () => {
    expect(bot.adapter.sink.platform).toBe('discord');
    expect(bot.adapter.sink.maxStatusesPerMessage).toBe(10);
  });

  it('sends with the nonce and enforce_nonce, one embed per status, pinging nobody', async () => {
    const from = bot.fake.calls.length;
    const id = await bot.adapter.sink.send(channel, post(note(PINGS), dayEntry(1.5, 'Boiler')), {
      nonce: 'outbox-1',
    });
    const [call] = sends(from);
    expect(call?.body).toMatchObject({
      nonce: 'outbox-1',
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
      embeds: [{ description: PINGS }, { fields: [{ name: 'Hours', value: '1:30' }, {}, {}] }],
    });
    expect(bot.fake.messages.get(id)?.content).toBe('');
  });

  it('a retried send with the same nonce is not duplicated', async () => {
    const before = bot.fake.messages.size;
    const first = await bot.adapter.sink.send(channel, post(note('Once')), { nonce: 'outbox-2' });
    const again = await bot.adapter.sink.send(channel, post(note('Once')), { nonce: 'outbox-2' });
    expect(again).toBe(first);
    expect(bot.fake.messages.size).toBe(before + 1);
  });

  it('shortens a long nonce to Discord’s 25 characters, the same way each time', async () => {
    const from = bot.fake.calls.length;
    const nonce = 'subscription-42:DayEntry:1373078,Note:916273';
    const a = await bot.adapter.sink.send(channel, post(note('Long nonce')), { nonce });
    const b = await bot.adapter.sink.send(channel, post(note('Long nonce')), { nonce });
    const [first, second] = sends(from).map((c) => (c.body as { nonce: string }).nonce);
    expect(first).toHaveLength(25);
    expect(second).toBe(first);
    expect(b).toBe(a);
  });

  it('mirrors edits and deletions', async () => {
    const id = await bot.adapter.sink.send(channel, post(dayEntry(1, 'Boiler')), { nonce: 'outbox-3' });
    const from = bot.fake.calls.length;
    await bot.adapter.sink.edit(channel, id, post(dayEntry(2.25, `Boiler, really ${PINGS}`)));
    await bot.adapter.sink.remove(channel, id);
    const [edit, removal] = bot.fake.calls.slice(from);
    expect(edit).toMatchObject({ method: 'PATCH', path: `${MESSAGES}/${id}` });
    expect(edit?.body).toMatchObject({
      allowed_mentions: { parse: [] },
      embeds: [{ fields: [{ value: '2:15' }, {}, {}] }],
    });
    expect(removal).toMatchObject({ method: 'DELETE', path: `${MESSAGES}/${id}` });
    expect(bot.fake.messages.get(id)?.deleted).toBe(true);
  });

  it('an edit or removal of a message already gone in Discord is no error', async () => {
    await expect(
      bot.adapter.sink.edit(channel, '1999999999999999999', post(note('x'))),
    ).resolves.toBeUndefined();
    bot.fake.failNext({
      method: 'DELETE',
      path: /messages\/\d+$/,
      status: 404,
      body: { message: 'Unknown Message', code: 10008 },
    });
    await expect(bot.adapter.sink.remove(channel, '1999999999999999999')).resolves.toBeUndefined();
  });

  it('sends notices as plain content, pinging nobody', async () => {
    const from = bot.fake.calls.length;
    await bot.adapter.sink.notice(channel, `This feed is paused ${PINGS}`);
    expect(sends(from)[0]?.body).toEqual({
      content: `This feed is paused ${PINGS}`,
      allowed_mentions: { parse: [] },
    });
  });

  it('honours a 429: waits retry_after, sends once, logs the rate limit', async () => {
    bot.fake.failNext({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 429,
      headers: { 'retry-after': '0.1', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.1, global: false },
    });
    const from = bot.fake.calls.length;
    const before = bot.fake.messages.size;
    const id = await bot.adapter.sink.send(channel, post(note('After the wait')), { nonce: 'outbox-429' });
    expect(sends(from)).toHaveLength(2);
    expect(bot.fake.messages.size).toBe(before + 1);
    expect(bot.fake.messages.get(id)?.embeds).toMatchObject([{ description: 'After the wait' }]);
    const logged = bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'discord rate limit: 429, retrying after retry-after',
        method: 'POST',
        route: '/channels/:id/messages',
        retryAfter: '0.1',
        scope: 'user',
      }),
    );
  });

  it('waits for a bucket Discord said was empty, and logs the wait', async () => {
    bot.fake.emptyBucketOnce({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      resetAfterSeconds: 0.15,
    });
    await bot.adapter.sink.send(channel, post(note('Empties the bucket')), { nonce: 'bucket-1' });
    const from = bot.fake.calls.length;
    await bot.adapter.sink.send(channel, post(note('Waits for it')), { nonce: 'bucket-2' });
    expect(sends(from)).toHaveLength(1);
    const logged = bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'discord rate limit: waiting for the bucket to refill',
        method: 'POST',
        route: '/channels/:id/messages',
      }),
    );
  });

  it.each([
    [404, 10003, 'Unknown Channel', true],
    [403, 50001, 'Missing Access', false],
    [403, 50013, 'Missing Permissions', false],
  ])('HTTP %i code %i is permanent (%s), ending the subscription: %s', async (status, code, reason, ends) => {
    bot.fake.failNext({ method: 'POST', path: /messages$/, status, body: { message: reason, code } });
    const error = await bot.adapter.sink
      .send(channel, post(note('x')), { nonce: `fail-${code}` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatSinkError);
    expect(error).toMatchObject({ kind: 'permanent', reason, options: { endsSubscription: ends } });
  });

  it('other failures are transient', async () => {
    bot.fake.failNext({
      method: 'PATCH',
      path: /messages\/\d+$/,
      status: 500,
      body: { message: 'oops', code: 0 },
    });
    const error = await bot.adapter.sink.edit(channel, '1', post(note('x'))).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient' });
    bot.fake.failNext({
      method: 'POST',
      path: /messages$/,
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035 },
    });
    const invalid = await bot.adapter.sink
      .send(channel, post(note('x')), { nonce: 'bad' })
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ kind: 'transient', reason: 'discord_50035' });
  });
});
