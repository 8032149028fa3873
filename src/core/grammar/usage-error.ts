import type { CommandName, UsageError } from './command.js';
import { COMMAND_SPECS } from './command-specs.js';

/** A usage error for a known command, with that command's usage line and example from the spec table. */
export function usageError(command: CommandName, message: string): UsageError {
  const spec = COMMAND_SPECS[command];
  return { kind: 'usage', command, message, usage: spec.usage, example: spec.example };
}

/** For commands that take nothing: `logout now` is more likely a mistake than a request. */
export function noArguments(command: CommandName): UsageError {
  return usageError(command, `${command} takes nothing after it.`);
}
