import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../helpers/fake-discord.js';
import { opt } from '../../helpers/fake-discord-interactions.js';
import { BASIL, CHANNEL_ID, GUILD_ID, POLLY } from '../../helpers/fake-discord-world.js';
import { type DiscordHarness, startDiscordHarness } from './discord-harness.js';
import { note, PINGS, post } from './status-fixtures.js';

/** Calls that put text in front of people: messages, edits, interaction answers and follow-ups. */
function isSend(call: RecordedCall): boolean {
  if (call.path.endsWith('/callback')) return [4, 7].includes((call.body as { type: number }).type);
  if (call.path.startsWith('/webhooks/')) return call.method === 'POST' || call.method === 'PATCH';
  return (
    /^\/channels\/\d+\/messages(\/\d+)?$/.test(call.path) &&
    (call.method === 'POST' || call.method === 'PATCH')
  );
}

function allowedMentions(call: RecordedCall): unknown {
  const body = call.body as { allowed_mentions?: unknown; data?: { allowed_mentions?: unknown } };
  return call.path.endsWith('/callback') ? body.data?.allowed_mentions : body.allowed_mentions;
}

describe.each([
  ['answered at once', 2000],
  ['deferred', 0],
])('@everyone, @here, users and roles in statuses never ping (%s)', (_name, deferAfterMs) => {
  let bot: DiscordHarness;
  beforeAll(async () => {
    bot = await startDiscordHarness({ deferAfterMs });
    await bot.link(BASIL, 'basil@fawltytowers.com');
    const channel = { platform: 'discord', workspaceId: GUILD_ID, channelId: CHANNEL_ID } as const;
    const run = async (from: number, match: (c: RecordedCall) => boolean) =>
      bot.fake.waitForCall(match, { from });
    const callback = (c: RecordedCall) => c.path.endsWith('/callback') || c.path.startsWith('/webhooks/');

    await bot.nextMessage(bot.say(BASIL, '!coop use 1'));
    await bot.nextMessage(bot.say(BASIL, `!post ${PINGS}`));
    await bot.nextMessage(bot.say(BASIL, '!timeline'));
    await bot.nextMessage(bot.say(POLLY, '!coop login polly@fawltytowers.com fawlty'));
    await run(bot.slash(BASIL, 'post', [opt.string('text', `slash ${PINGS}`)]).from, callback);
    await run(bot.slash(BASIL, 'agenda set', [opt.string('text', PINGS)]).from, callback);
    const timeline = bot.slash(BASIL, 'timeline');
    await run(timeline.from, (c) => callback(c) && JSON.stringify(c.body).includes('slash @everyone'));
    await run(
      bot.slash(POLLY, 'whoami').from,
      (c) => callback(c) && JSON.stringify(c.body).includes('not linked'),
    );
    const id = await bot.adapter.sink.send(channel, post(note(PINGS)), { nonce: `pings-${deferAfterMs}` });
    await bot.adapter.sink.edit(channel, id, post(note(`edited ${PINGS}`)));
    await bot.adapter.sink.notice(channel, PINGS);
  });
  afterAll(async () => {
    await bot.close();
  });

  it('relays the text as written', () => {
    const carrying = bot.fake.calls.filter(
      (c) => isSend(c) && JSON.stringify(c.body).includes('@everyone @here <@123>'),
    );
    expect(carrying.length).toBeGreaterThanOrEqual(6);
  });

  it('every send, edit and interaction answer carries allowed_mentions with parse: [] and no ids', () => {
    const sends = bot.fake.calls.filter(isSend);
    expect(sends.length).toBeGreaterThanOrEqual(10);
    for (const call of sends) {
      const allowed = allowedMentions(call) as
        | { parse?: unknown; users?: unknown[]; roles?: unknown[] }
        | undefined;
      expect({ call: `${call.method} ${call.path}`, parse: allowed?.parse }).toEqual({
        call: `${call.method} ${call.path}`,
        parse: [],
      });
      expect(allowed?.users ?? []).toEqual([]);
      expect(allowed?.roles ?? []).toEqual([]);
    }
  });
});
