import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionToken, opt, type SlashOption } from '../../helpers/fake-discord-interactions.js';
import { APP_ID, BASIL, MANUEL, POLLY, SYBIL } from '../../helpers/fake-discord-world.js';
import { type DiscordHarness, shownText, startDiscordHarness } from './discord-harness.js';

interface Callback {
  type: number;
  data?: { flags?: number; content?: string; embeds?: unknown[]; allowed_mentions?: unknown };
}

describe('slash commands through INTERACTION_CREATE, answered at once', () => {
  let bot: DiscordHarness;
  beforeAll(async () => {
    bot = await startDiscordHarness();
    await bot.link(BASIL, 'basil@fawltytowers.com');
    await bot.link(SYBIL, 'sybil@fawltytowers.com');
  });
  afterAll(async () => {
    await bot.close();
  });

  async function run(sub: string, options: SlashOption[] = [], user = BASIL) {
    const { from, interaction } = bot.slash(user, sub, options);
    const call = await bot.fake.waitForCall((c) => c.method === 'POST' && c.path.endsWith('/callback'), {
      from,
    });
    expect(call.path).toBe(
      `/interactions/${interaction.id}/${interactionToken(String(interaction.id))}/callback`,
    );
    return { body: call.body as Callback, text: shownText(call.body) };
  }

  it('`/coop use group:1` answers the channel (not ephemeral) and pings nobody', async () => {
    const { body, text } = await run('use', [opt.string('group', '1')]);
    expect(body.type).toBe(4);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(body.data?.allowed_mentions).toMatchObject({ parse: [] });
    expect(text).toContain('Fawlty Towers (#1)');
  });

  it('`/coop timeline user:@polly` answers ephemerally with embeds', async () => {
    const { body, text } = await run('timeline', [opt.user('user', POLLY)]);
    expect(body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(text).toContain('Polly Sherman in Fawlty Towers:');
    expect(body.data?.embeds?.length).toBeGreaterThan(0);
  });

  it.each<[string, SlashOption[], number, RegExp]>([
    ['help', [opt.string('command', 'timeline')], 64, /timeline \[@who\|email\|cobot\|me\] \[date\]/],
    ['whoami', [], 64, /basil@fawltytowers\.com/],
    ['groups', [], 64, /Gourmet Night/],
    ['members', [], 64, /manuel@fawltytowers\.com/],
    ['post', [opt.string('text', 'Rat in the kitchen')], 0, /Rat in the kitchen/],
    ['cobot', [opt.string('text', 'Deployed build 88')], 0, /Deployed build 88|Cobot/],
    [
      'timeline',
      [opt.user('user', SYBIL), opt.string('date', 'today')],
      64,
      /Sybil Fawlty in Fawlty Towers on/,
    ],
    ['timeline', [opt.string('who', 'cobot')], 64, /Cobot in Fawlty Towers/],
    ['timeline', [opt.string('who', 'polly@fawltytowers.com')], 64, /Polly Sherman/],
    ['today', [opt.string('date', 'yesterday')], 64, /Fawlty Towers on \d{4}-\d{2}-\d{2}/],
    ['agenda set', [opt.string('text', 'Gourmet night prep')], 0, /agenda is now:\nGourmet night prep/],
    [
      'agenda set',
      [opt.string('text', 'Hide the moose'), opt.boolean('mine', true)],
      64,
      /Your agenda is now/,
    ],
    ['agenda show', [], 64, /Gourmet night prep/],
    ['agenda show', [opt.string('scope', 'mine')], 64, /Hide the moose/],
    ['agenda show', [opt.string('scope', 'everyone')], 64, /Agendas in Fawlty Towers/],
    [
      'time',
      [
        opt.string('hours', '1:30'),
        opt.integer('project_id', 111),
        opt.integer('task_id', 222),
        opt.string('text', 'Boiler'),
      ],
      0,
      /Boiler|1:30/,
    ],
    [
      'subscribe',
      [opt.string('filter', 'cobot'), opt.user('user', SYBIL)],
      0,
      /Cobot notices by sybil@[\s\S]*feed #\d+/,
    ],
    [
      'subscribe',
      [opt.string('group', 'Fawlty Towers')],
      0,
      /every status from Fawlty Towers[\s\S]*feed #\d+/,
    ],
    ['feeds', [], 64, /Feeds in this channel/],
    ['unsubscribe', [opt.boolean('all', true)], 0, /Stopped feeds #\d+, #\d+/],
    ['today', [opt.string('date', 'someday')], 64, /✗[\s\S]*Usage: `\/coop today/],
  ])('/coop %s %j', async (sub, options, flags, expected) => {
    const { body, text } = await run(sub, options);
    expect(body.type).toBe(4);
    if (flags >= 0) expect(body.data?.flags ?? 0).toBe(flags);
    expect(body.data?.allowed_mentions).toMatchObject({ parse: [] });
    expect(text).toMatch(expected);
  });

  it('show, timer and delete take integer ids', async () => {
    const posted = await run('post', [opt.string('text', 'Polish the brass')]);
    const noteId = Number(/#(\d+)/.exec(posted.text)?.[1]);
    expect((await run('show', [opt.integer('id', noteId)])).text).toContain('Polish the brass');
    expect((await run('delete', [opt.integer('id', noteId)])).text).toContain(`Deleted note #${noteId}.`);
    const logged = await run('time', [
      opt.string('hours', '0.5'),
      opt.integer('project_id', 111),
      opt.integer('task_id', 222),
      opt.string('text', 'Timer test'),
    ]);
    const entryId = Number(/#(\d+)/.exec(logged.text)?.[1]);
    expect((await run('timer', [opt.integer('entry_id', entryId)])).text).toMatch(/timer/i);
  });

  it('an unlinked user is told to log in, privately', async () => {
    const { body, text } = await run('whoami', [], MANUEL);
    expect(body.data?.flags).toBe(64);
    expect(text).toMatch(/not linked/);
  });

  it('options that do not match /coop (a stale registration) get a pointer, not silence', async () => {
    const { body, text } = await run('post', []);
    expect(body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(text).toContain('npm run discord:register');
  });

  it('`/coop logout` unlinks', async () => {
    expect((await run('logout', [], SYBIL)).text).toContain('Logged out');
  });
});

describe('slash commands when Co-op is slow: deferred, then edited', () => {
  let bot: DiscordHarness;
  beforeAll(async () => {
    bot = await startDiscordHarness({ deferAfterMs: 0 });
    await bot.link(BASIL, 'basil@fawltytowers.com');
  });
  afterAll(async () => {
    await bot.close();
  });

  const webhook = (token: string) => `/webhooks/${APP_ID}/${token}`;

  it('a private answer: ephemeral "thinking", then the original edited', async () => {
    const { from, interaction } = bot.slash(BASIL, 'groups');
    const token = interactionToken(String(interaction.id));
    const edit = await bot.fake.waitForCall((c) => c.method === 'PATCH', { from });
    const callback = bot.fake.calls.slice(from).find((c) => c.path.endsWith('/callback'));
    expect(callback?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit.path).toBe(`${webhook(token)}/messages/@original`);
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(shownText(edit.body)).toContain('Fawlty Towers');
  });

  it('a public answer predicted: public "thinking", then edited', async () => {
    const { from } = bot.slash(BASIL, 'use', [opt.string('group', '1')]);
    const edit = await bot.fake.waitForCall((c) => c.method === 'PATCH', { from });
    const callback = bot.fake.calls.slice(from).find((c) => c.path.endsWith('/callback'));
    expect(callback?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(shownText(edit.body)).toContain('Fawlty Towers (#1)');
  });

  it('a private answer behind a public placeholder: the placeholder goes, the answer follows ephemerally', async () => {
    const { from, interaction } = bot.slash(MANUEL, 'post', [opt.string('text', 'Que?')]);
    const token = interactionToken(String(interaction.id));
    const followUp = await bot.fake.waitForCall(
      (c) => c.method === 'POST' && c.path.startsWith('/webhooks/'),
      {
        from,
      },
    );
    const calls = bot.fake.calls.slice(from).map((c) => `${c.method} ${c.path}`);
    expect(calls).toContain(`DELETE ${webhook(token)}/messages/@original`);
    expect(followUp.path).toBe(webhook(token));
    expect(followUp.body).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(shownText(followUp.body)).toMatch(/not linked/);
  });

  it('the interaction token never reaches a log line', () => {
    const tokens = bot.fake.calls.flatMap((c) => /^\/interactions\/\d+\/([^/]+)/.exec(c.path)?.[1] ?? []);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(bot.logs.join('\n')).not.toContain(token);
  });
});
