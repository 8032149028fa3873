import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../../adapters/discord/index.js';
import type { Core } from '../../../src/core/create-core.js';
import { privateText } from '../../../src/core/reply.js';
import { silentLogger } from '../../../src/log/logger.js';
import { startFakeDiscord } from '../../helpers/fake-discord.js';
import { APP_ID, CHANNEL_ID, GUILD_ID } from '../../helpers/fake-discord-world.js';
import { type DiscordHarness, FAKE_TOKEN, startDiscordHarness } from './discord-harness.js';

describe('the discord.js client against the fake gateway', () => {
  let bot: DiscordHarness | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it('finds the gateway through GET /gateway/bot, identifies with the four intents, and gets ready', async () => {
    bot = await startDiscordHarness();
    expect(bot.fake.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', authorized: true });
    const identify = bot.fake.identifies[0] as { token: string; intents: number };
    expect(identify.token).toBe(FAKE_TOKEN);
    expect(identify.intents).toBe(
      GatewayIntentBits.Guilds |
        GatewayIntentBits.GuildMessages |
        GatewayIntentBits.MessageContent |
        GatewayIntentBits.DirectMessages,
    );
    const { client } = bot.adapter;
    expect(client.isReady()).toBe(true);
    expect(client.guilds.cache.get(GUILD_ID)?.channels.cache.has(CHANNEL_ID)).toBe(true);
  });

  it('heartbeats and is acknowledged', async () => {
    bot = await startDiscordHarness({ heartbeatIntervalMs: 40 });
    const deadline = Date.now() + 2000;
    while (bot.fake.heartbeats() < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(bot.fake.heartbeats()).toBeGreaterThanOrEqual(2);
    expect(bot.adapter.client.isReady()).toBe(true);
  });

  it('stops cleanly, and never logs the token', async () => {
    bot = await startDiscordHarness();
    await bot.adapter.stop();
    expect(bot.adapter.client.isReady()).toBe(false);
    expect(bot.logs.join('\n')).not.toContain(FAKE_TOKEN);
    expect(bot.logs.join('\n')).toContain('discord adapter ready');
  });

  it('a token Discord refuses stops the start with TokenInvalid, and leaves nothing running', async () => {
    const fake = await startFakeDiscord();
    const core: Core = {
      run: async () => privateText('unused'),
      completeLogin: async () => privateText('unused'),
    };
    try {
      fake.failNext({
        method: 'GET',
        path: /^\/gateway\/bot$/,
        status: 401,
        body: { message: '401: Unauthorized', code: 0 },
      });
      const start = startDiscordAdapter({
        core,
        logger: silentLogger(),
        token: 'wrong',
        appId: APP_ID,
        apiUrl: fake.apiUrl,
        rest: { retries: 0 },
      });
      await expect(start).rejects.toMatchObject({ code: 'TokenInvalid' });
      expect(fake.identifies).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
