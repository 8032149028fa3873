import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ShellBot, startShellBot } from '../../helpers/shell-bot.js';

const BASIL = '/coop login basil@fawltytowers.com fawlty';
const SYBIL = '/coop login sybil@fawltytowers.com fawlty';

describe.each(['json', 'xml'] as const)('terminal bot end to end (%s)', (format) => {
  let bot: ShellBot;
  beforeEach(async () => {
    bot = await startShellBot({ format });
  });
  afterEach(async () => {
    await bot.close();
  });

  it('posts, then the timeline shows it; delete removes it', async () => {
    const out = await bot.script(BASIL, '/coop use 1', '/coop post Fire drill at noon', '!timeline');
    expect(out).toContain('Logged in as basil@fawltytowers.com');
    const id = /note #(\d+)/.exec(out)?.[1];
    expect(id).toBeDefined();
    expect(out).toMatch(/Basil Fawlty in Fawlty Towers:[\s\S]*Fire drill at noon/);
    const after = await bot.script(BASIL, '/coop use 1', `!delete ${id}`, '!timeline me');
    expect(after).toContain(`Deleted note #${id}.`);
    expect(after).not.toContain('Fire drill at noon');
  });

  it('shows timelines by mention, email, cobot and date', async () => {
    const out = await bot.script(
      SYBIL,
      '!timeline @basil',
      '!timeline polly@fawltytowers.com',
      '!timeline cobot',
      '!timeline me today',
      '/coop today',
    );
    expect(out).toContain('Basil Fawlty in Fawlty Towers:');
    expect(out).toContain('Basil Fawlty [');
    expect(out).toContain('Polly Sherman in Fawlty Towers:');
    expect(out).toMatch(/Cobot in Fawlty Towers:[\s\S]*\[Cobot\]/);
    expect(out).toMatch(/Sybil Fawlty in Fawlty Towers on \d{4}-\d{2}-\d{2}:/);
    expect(out).toMatch(/Fawlty Towers on \d{4}-\d{2}-\d{2}:/);
  });

  it('a mention of a linked user follows their link', async () => {
    // Polly's terminal user links as Manuel: @polly now means Manuel's Co-op login.
    const out = await bot.script(
      '/as polly',
      '/coop login manuel@fawltytowers.com fawlty',
      '/as sybil',
      SYBIL,
      '!timeline @polly',
    );
    expect(out).toContain('Manuel in Fawlty Towers:');
  });

  it('gives the not-found words for a group the caller is not in', async () => {
    const out = await bot.script(SYBIL, '/coop use 2', '/coop use "Gourmet Night"');
    expect(out).toContain('No group like that is visible to you. Your groups: #1 Fawlty Towers.');
    const shown = await bot.script(SYBIL, '!show 1001');
    expect(shown).toContain('Not found, or not visible to you.');
  });

  it('a wrong password gives the unauthorized words and stores nothing', async () => {
    const out = await bot.script('/coop login basil@fawltytowers.com wrong', '/coop whoami');
    expect(out).toContain('Co-op did not accept that email and password. Nothing was stored.');
    expect(out).toContain('You are not linked to Co-op.');
    expect(
      await bot.store.getAccountByChatUser({ platform: 'shell', workspaceId: 'local', chatUserId: 'you' }),
    ).toBeUndefined();
  });

  it('login, whoami, logout', async () => {
    const out = await bot.script(BASIL, '/coop whoami', '/coop logout', '/coop whoami', '/coop logout');
    expect(out).toMatch(/You are linked to Co-op as basil@fawltytowers.com \(Co-op user #\d+\)/);
    expect(out).toContain('Logged out. Your Co-op password is deleted');
    expect(out).toContain('You were not logged in.');
  });

  it('asks a multi-group member to pick a group, then remembers it per channel', async () => {
    const out = await bot.script(
      BASIL,
      '/coop post hello',
      '/coop use Fawlty Towers',
      '/coop post hello',
      '#kitchen',
      '/coop post x',
    );
    expect(out).toContain(
      'This channel has no Co-op group yet. Your groups: #1 Fawlty Towers, #2 Gourmet Night.',
    );
    expect(out).toContain('This channel now uses the Co-op group Fawlty Towers (#1).');
    expect(out).toMatch(/posted to Fawlty Towers \(note #\d+\): hello/);
    expect(out.match(/This channel has no Co-op group yet/g)).toHaveLength(2);
  });

  it('groups, members, agenda show and set, cobot', async () => {
    const out = await bot.script(
      SYBIL,
      '/coop groups',
      '/coop members',
      '/coop agenda set * Pillows\n',
      '/coop agenda',
      '/coop agenda set mine Fold towels',
      '/coop agenda mine',
      '/coop agenda everyone',
      '/coop cobot Deployed build 43',
      BASIL,
      '/coop use 1',
      '/coop cobot Deployed build 43',
      SYBIL,
      '/coop cobot Deployed build 44',
      '!timeline cobot',
    );
    expect(out).toContain('#1 Fawlty Towers — London');
    expect(out).toContain('Manuel — manuel@fawltytowers.com');
    expect(out).toContain("Fawlty Towers's agenda:\n* Pillows");
    expect(out).toContain('Your agenda:\nFold towels');
    expect(out).toMatch(/Agendas in Fawlty Towers:[\s\S]*Sybil Fawlty — Fold towels/);
    // Only the leader sees the key; once used here, the channel keeps it (encrypted) for everyone.
    expect(out).toContain("Co-op does not show Fawlty Towers's Cobot key to you.");
    expect(out).toMatch(/Cobot posted to Fawlty Towers \(note #\d+\): Deployed build 43/);
    expect(out).toMatch(/Cobot posted to Fawlty Towers \(note #\d+\): Deployed build 44/);
    expect(out.match(/Cobot key is now kept, encrypted, for this channel/g)).toHaveLength(1);
    expect(out).toMatch(/Cobot \[Cobot\] #\d+\n\s+Deployed build 43/);
  });

  it('time and timer, with Harvest refusal for a member without Harvest', async () => {
    const out = await bot.script(
      BASIL,
      '/coop use 1',
      '/coop time 1:30 111 222 Booking form',
      '/coop timeline',
    );
    const id = /time entry #(\d+)/.exec(out)?.[1];
    expect(id).toBeDefined();
    expect(out).toContain('logged 1:30 in Fawlty Towers');
    expect(out).toMatch(/\[Time 1:30 Website \/ Development\] #\d+\n\s+Booking form/);
    const timer = await bot.script(BASIL, '/coop use 1', `/coop timer ${id}`, `/coop timer ${id}`);
    expect(timer).toContain(`Timer started on time entry #${id}:`);
    expect(timer).toContain(`Timer stopped on time entry #${id}:`);
    const refused = await bot.script(SYBIL, '/coop time 1 111 222 Pillows');
    expect(refused).toMatch(/Co-op refused: .*Harvest/);
  });

  it('usage errors carry an example; help lists commands; chat is not a command', async () => {
    const out = await bot.script(
      '/coop delete abc',
      '/coop pots hi',
      '/coop help',
      'hello there',
      '/nonsense',
    );
    expect(out).toMatch(/✗ .*\n\s+Usage: +delete \[note\] <id>\n\s+Example: +delete \d+/);
    expect(out).toContain('post');
    expect(out).toContain('(That was chat. Bot commands start with /coop or !');
    expect(out).toContain('Unknown terminal command /nonsense');
    expect(out).toMatch(/timeline/);
  });

  it('commands that need a login say how to get one', async () => {
    const out = await bot.script('!timeline');
    expect(out).toContain('You have not linked your Co-op login yet. Run `login`');
  });

  it('a login form cannot be shown to a script: it says what to type instead', async () => {
    const out = await bot.script('/coop login');
    expect(out).toContain('In a script, use: /coop login EMAIL PASSWORD');
  });
});
