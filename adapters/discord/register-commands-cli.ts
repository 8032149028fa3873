import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { describeError } from './describe-error.js';
import { registerCommands } from './register-commands.js';

const USAGE = `Registers the /coop slash command with Discord.

  npm run discord:register                  globally (every server the bot is in; can take a while to show)
  npm run discord:register -- --guild ID    to one server only (shows at once; good for testing)

Reads DISCORD_TOKEN, DISCORD_APP_ID and DISCORD_API_URL from the environment.`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** `npm run discord:register [-- --guild ID]`; resolves to the exit code. */
export async function runRegisterCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> {
  let guild: string | undefined;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { guild: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    guild = values.guild;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (guild !== undefined && !/^\d+$/.test(guild)) {
    io.err(
      '--guild: must be the numeric server id (Developer Mode → right-click the server → Copy Server ID)',
    );
    return 2;
  }
  return register(env, guild, io);
}

async function register(env: NodeJS.ProcessEnv, guildId: string | undefined, io: CliIo): Promise<number> {
  try {
    const config = loadConfig(env);
    if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) {
      io.err('DISCORD_TOKEN and DISCORD_APP_ID: both are needed to register commands');
      return 2;
    }
    const count = await registerCommands({
      token: config.DISCORD_TOKEN,
      appId: config.DISCORD_APP_ID,
      ...(guildId ? { guildId } : {}),
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
    });
    io.out(`Registered ${count} command(s) ${guildId ? `in server ${guildId}` : 'globally'}: /coop.`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) io.err(error.message);
    else io.err(`Registration failed: ${JSON.stringify(describeError(error))}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runRegisterCli(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
