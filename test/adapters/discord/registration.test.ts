import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../adapters/discord/register-commands.js';
import { runRegisterCli } from '../../../adapters/discord/register-commands-cli.js';
import { COMMAND_NAMES } from '../../../src/core/grammar/index.js';
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js';
import { APP_ID, GUILD_ID } from '../../helpers/fake-discord-world.js';
import { FAKE_TOKEN } from './discord-harness.js';

interface Option {
  type: number;
  name: string;
  required?: boolean;
  choices?: { name: string; value: string }[];
  options?: Option[];
  min_value?: number;
}

const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const USER = 6;

describe('registering /coop', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
  });

  async function registered(guildId?: string) {
    const from = fake.calls.length;
    const count = await registerCommands({
      token: FAKE_TOKEN,
      appId: APP_ID,
      apiUrl: fake.apiUrl,
      rest: { retries: 0 },
      ...(guildId ? { guildId } : {}),
    });
    const call = fake.calls[from];
    return {
      count,
      call,
      body: call?.body as { name: string; type: number; contexts: number[]; options: Option[] }[],
    };
  }

  it('PUTs one chat-input command, /coop, globally', async () => {
    const { count, call, body } = await registered();
    expect(count).toBe(1);
    expect(call).toMatchObject({ method: 'PUT', path: `/applications/${APP_ID}/commands`, authorized: true });
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ name: 'coop', type: 1, contexts: [0, 1], integration_types: [0] });
  });

  it('PUTs to one guild with a guild id', async () => {
    const { call } = await registered(GUILD_ID);
    expect(call?.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
  });

  it('has a subcommand per grammar command, and agenda as a group of show and set', async () => {
    const options = (await registered()).body[0]?.options ?? [];
    const subcommands = options.filter((o) => o.type === 1).map((o) => o.name);
    expect(new Set([...subcommands, 'agenda'])).toEqual(new Set(COMMAND_NAMES));
    const agenda = options.find((o) => o.name === 'agenda');
    expect(agenda?.type).toBe(2);
    expect(agenda?.options?.map((o) => o.name)).toEqual(['show', 'set']);
    expect(agenda?.options?.[1]?.options).toMatchObject([
      { name: 'text', type: STRING, required: true },
      { name: 'mine', type: BOOLEAN },
    ]);
  });

  it('types the options: a user for timeline, integers for ids, strings for text and dates', async () => {
    const options = (await registered()).body[0]?.options ?? [];
    const sub = (name: string) => options.find((o) => o.name === name)?.options ?? [];
    expect(sub('timeline')).toMatchObject([
      { name: 'user', type: USER },
      { name: 'who', type: STRING },
      { name: 'date', type: STRING },
    ]);
    expect(sub('show')).toMatchObject([{ name: 'id', type: INTEGER, required: true, min_value: 1 }]);
    expect(sub('delete')).toMatchObject([{ name: 'id', type: INTEGER, required: true }]);
    expect(sub('post')).toMatchObject([{ name: 'text', type: STRING, required: true }]);
    expect(sub('time')).toMatchObject([
      { name: 'hours', type: STRING, required: true },
      { name: 'project_id', type: INTEGER, required: true },
      { name: 'task_id', type: INTEGER, required: true },
      { name: 'text', type: STRING, required: true },
    ]);
    expect(sub('timer')).toMatchObject([{ name: 'entry_id', type: INTEGER, required: true }]);
    expect(sub('subscribe').map((o) => [o.name, o.type])).toEqual([
      ['group', STRING],
      ['filter', STRING],
      ['user', USER],
    ]);
    expect(sub('login')).toEqual([expect.objectContaining({ name: 'email', type: STRING })]);
    expect(sub('help')[0]?.choices?.map((c) => c.value)).toEqual([...COMMAND_NAMES]);
    expect(sub('whoami')).toEqual([]);
  });

  it('`npm run discord:register -- --guild ID` reads the settings and reports', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const env = { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_API_URL: fake.apiUrl };
    expect(await runRegisterCli(['--guild', GUILD_ID], env, io)).toBe(0);
    expect(out.join('\n')).toContain(`Registered 1 command(s) in server ${GUILD_ID}`);
    expect(await runRegisterCli(['--guild', 'general'], env, io)).toBe(2);
    expect(await runRegisterCli([], { DISCORD_API_URL: fake.apiUrl }, io)).toBe(2);
    expect(err.join('\n')).toContain('DISCORD_TOKEN and DISCORD_APP_ID');
    expect([...out, ...err].join('\n')).not.toContain(FAKE_TOKEN);
  });
});
