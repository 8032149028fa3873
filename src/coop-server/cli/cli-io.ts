/** Where the CLI reads and writes; tests pass buffers, `cli.ts` the process streams. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The whole of standard input, for `--password-stdin`. */
  readStdin(): Promise<string>;
}

/** Bad usage: the message and the usage text go to stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A well-formed command that cannot be done (duplicate email, unknown group): exit code 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

export const USAGE = `Usage: npm run coop-server -- [options]             start the server
       npm run coop-server -- <command> [options]   administer the database

Server options:
  --port <n>            port to listen on (default 4567; 0 picks a free one)
  --host <addr>         address to listen on (default 127.0.0.1)
  --db <file>           SQLite database (default ./data/coop.db; its folder is created)
  --seed demo           load the Fawlty Towers demo data (once)

Commands (all take --db <file>):
  user add <email> --name "First Last" (--password <p> | --password-stdin)
  user list
  group add <name> --timezone <Rails zone, e.g. London> [--key <cobot key>]
  group list
  member add <group-id> <email> [--leader] [--harvest]`;
