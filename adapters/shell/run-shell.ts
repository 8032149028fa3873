import { createInterface, type Interface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Core } from '../../src/core/create-core.js';
import type { Reply } from '../../src/core/reply.js';
import { renderReply } from './render-reply.js';
import { SHELL_HELP } from './shell-help.js';
import { shellMentions } from './shell-mentions.js';
import type { ShellSink } from './shell-sink.js';
import { ShellState } from './shell-state.js';

export interface ShellOptions {
  core: Core;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal (prompts, hidden password entry) rather than a script on stdin. */
  interactive: boolean;
  banner?: string;
  /** Feed messages print through the shell, above the prompt. */
  sink?: ShellSink;
}

/** Command text of a line, or undefined when the line is chat or a terminal command. */
function commandText(line: string): string | undefined {
  if (/^\/coop(\s|$)/i.test(line)) return line.slice(5);
  if (line.startsWith('!')) return line.slice(1);
  return undefined;
}

/** A terminal chat with the bot; resolves when input ends or the user types /quit. */
export async function runShell(options: ShellOptions): Promise<void> {
  const { core, output, interactive } = options;
  let muted = false;
  // Password entry: the same readline, with its echo switched off.
  const echo = new Writable({
    write(chunk, encoding, done) {
      if (!muted) output.write(chunk, encoding);
      done();
    },
  });
  const rl = createInterface({ input: options.input, output: echo, terminal: interactive });
  const state = new ShellState();
  const print = (text: string): void => {
    output.write(`${text}\n`);
  };
  const ask = (question: string, hidden = false): Promise<string> =>
    new Promise((resolve) => {
      // A visible question goes through readline, which redraws it as the user types; a hidden
      // one is written before the echo is muted, since every redraw is then swallowed.
      if (hidden) output.write(question);
      muted = hidden;
      rl.question(hidden ? '' : question, (answer) => {
        muted = false;
        if (hidden) output.write('\n');
        resolve(answer);
      });
    });

  options.sink?.attach((text) => {
    // Above the prompt: clear the line being typed, print, then redraw prompt and input.
    if (interactive) output.write('\r\x1b[K');
    print(text);
    if (interactive) rl.prompt(true);
  });
  if (options.banner) print(options.banner);
  let hinted = false;
  const handleReply = async (reply: Reply): Promise<void> => {
    if (reply.kind !== 'login-form') return print(renderReply(reply));
    if (!interactive) {
      return print('✗ No terminal to read a password from. In a script, use: /coop login EMAIL PASSWORD');
    }
    const email = reply.email ?? (await ask('Co-op email: ')).trim();
    const password = await ask('Password (not shown): ', true);
    print(renderReply(await core.completeLogin(state.context(), email, password)));
  };

  const handleLine = async (raw: string): Promise<boolean> => {
    const line = raw.trim();
    if (line === '') return true;
    if (/^\/(quit|exit)$/i.test(line)) return false;
    const text = commandText(line);
    if (text !== undefined) {
      await handleReply(
        await core.run(state.context(), { text, mentions: shellMentions(text, state.knownEmails()) }),
      );
    } else if (/^\/as(\s|$)/i.test(line)) {
      const name = state.switchUser(line.slice(3));
      print(`You are now ${name}. Each terminal user starts unlinked: run /coop login.`);
    } else if (/^#\S+$/.test(line)) {
      print(`You are now in #${state.switchChannel(line)}.`);
    } else if (/^\/help$/i.test(line)) {
      print(SHELL_HELP);
    } else if (line.startsWith('/')) {
      print(`✗ Unknown terminal command ${line.split(/\s/)[0]}. Type /help for the list.`);
    } else if (!hinted) {
      hinted = true;
      print('(That was chat. Bot commands start with /coop or !, e.g. /coop help)');
    }
    return true;
  };

  await readLines(rl, state, interactive, handleLine);
  rl.close();
}

async function readLines(
  rl: Interface,
  state: ShellState,
  interactive: boolean,
  handle: (line: string) => Promise<boolean>,
): Promise<void> {
  if (interactive) {
    rl.setPrompt(state.prompt());
    rl.prompt();
  }
  for await (const line of rl) {
    if (!(await handle(line))) return;
    if (interactive) {
      rl.setPrompt(state.prompt());
      rl.prompt();
    }
  }
}
