import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell } from '../../../adapters/shell/run-shell.js';
import { type ShellBot, startShellBot } from '../../helpers/shell-bot.js';

/** The terminal as a person uses it: readline in terminal mode, answers typed at its prompts. */
describe('interactive terminal', () => {
  let bot: ShellBot;
  beforeEach(async () => {
    bot = await startShellBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('asks for the email, reads the password without echoing it, and links the account', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
    });
    const done = runShell({ core: bot.core, input, output, interactive: true });
    const waitFor = async (text: string) => {
      for (let i = 0; i < 200 && !screen.includes(text); i++) await new Promise((r) => setTimeout(r, 10));
      expect(screen).toContain(text);
    };
    input.write('/coop login\r');
    await waitFor('Co-op email: ');
    input.write('sybil@fawltytowers.com\r');
    await waitFor('Password (not shown): ');
    input.write('fawlty\r');
    await waitFor('Logged in as sybil@fawltytowers.com');
    input.write('/coop whoami\r');
    await waitFor('You are linked to Co-op as sybil@fawltytowers.com');
    input.end();
    await done;
    expect(screen).toContain('sybil@fawltytowers.com');
    expect(screen).not.toContain('fawlty\r');
    expect(screen.split('Password (not shown): ')[1]?.split('Logged in')[0]).not.toContain('fawlty');
  });
});
