import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type CoopDb, openCoopDb } from '../coop-db.js';
import { addGroup, addMember, addUser, listGroups, listUsers } from './admin-commands.js';
import { type CliIo, CommandError, USAGE, UsageError } from './cli-io.js';
import { type ServeArgs, serve } from './serve-command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

const DB_OPTION: Options = { db: { type: 'string', default: './data/coop.db' } };
const COMMANDS: Record<string, Options> = {
  'user add': {
    ...DB_OPTION,
    name: { type: 'string' },
    password: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  'user list': DB_OPTION,
  'group add': { ...DB_OPTION, timezone: { type: 'string' }, key: { type: 'string' } },
  'group list': DB_OPTION,
  'member add': { ...DB_OPTION, leader: { type: 'boolean' }, harvest: { type: 'boolean' } },
};
const SERVE_OPTIONS: Options = {
  ...DB_OPTION,
  port: { type: 'string', default: '4567' },
  host: { type: 'string', default: '127.0.0.1' },
  seed: { type: 'string' },
};

/**
 * Runs the CLI. Returns the exit code for admin commands; for the server it returns once it listens
 * (the process then stays up until a signal).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    const command = `${argv[0] ?? ''} ${argv[1] ?? ''}`;
    const commandOptions = COMMANDS[command];
    if (commandOptions) return await runAdmin(command, parse(argv.slice(2), commandOptions), io);
    if (['user', 'group', 'member'].includes(argv[0] ?? ''))
      throw new UsageError(`unknown command "${command.trim()}"`);
    const args = parse(argv[0] === 'serve' ? argv.slice(1) : argv, SERVE_OPTIONS);
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    await serve(serveArgs(args.values), io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`coop-server: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CommandError) {
      io.err(`coop-server: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

function parse(args: readonly string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function text(values: Parsed['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`${what} is required`);
  return value;
}

function serveArgs(values: Parsed['values']): ServeArgs {
  const port = Number(text(values, 'port'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0–65535');
  const seed = text(values, 'seed');
  if (seed !== undefined && seed !== 'demo') throw new UsageError('--seed accepts only "demo"');
  return { port, host: text(values, 'host') ?? '127.0.0.1', dbPath: text(values, 'db') ?? '', seed };
}

async function runAdmin(command: string, { values, positionals }: Parsed, io: CliIo): Promise<number> {
  const expected = command === 'member add' ? 2 : command.endsWith('add') ? 1 : 0;
  if (positionals.length !== expected) {
    throw new UsageError(`"${command}" takes ${expected} argument(s), got ${positionals.length}`);
  }
  const db: CoopDb = openCoopDb(text(values, 'db') ?? '');
  try {
    for (const line of await runOn(db, command, values, positionals, io)) io.out(line);
    return 0;
  } finally {
    db.close();
  }
}

async function runOn(
  db: CoopDb,
  command: string,
  values: Parsed['values'],
  positionals: string[],
  io: CliIo,
) {
  const [first = '', second = ''] = positionals;
  switch (command) {
    case 'user add': {
      const name = required(text(values, 'name'), '--name');
      return [await addUser(db, { email: first, name, password: await passwordOf(values, io) })];
    }
    case 'user list':
      return listUsers(db);
    case 'group add':
      return addGroup(db, {
        name: first,
        timezone: required(text(values, 'timezone'), '--timezone'),
        key: text(values, 'key'),
      });
    case 'group list':
      return listGroups(db);
    default:
      return [
        addMember(db, {
          groupId: first,
          email: second,
          leader: values.leader === true,
          harvest: values.harvest === true,
        }),
      ];
  }
}

async function passwordOf(values: Parsed['values'], io: CliIo): Promise<string> {
  const given = text(values, 'password');
  if (values['password-stdin'] === true) {
    if (given !== undefined) throw new UsageError('give --password or --password-stdin, not both');
    return (await io.readStdin()).replace(/\r?\n$/, '');
  }
  return required(given, '--password (or --password-stdin)');
}
