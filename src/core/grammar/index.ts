/** The command grammar's public face; see parse-command.ts for the design. */
export type {
  AgendaScope,
  Command,
  CommandName,
  DateArg,
  FeedFilter,
  GroupRef,
  MentionRef,
  ParseInput,
  ParseResult,
  TimelineTarget,
  UnsubscribeTarget,
  UsageError,
  UserRef,
} from './command.js';
export { isUsageError } from './command.js';
export { COMMAND_NAMES, COMMAND_SPECS, type CommandSpec, lookupCommand } from './command-specs.js';
export { helpText, usageErrorText } from './help-text.js';
export { parseCommand } from './parse-command.js';
export { parseDate } from './parse-date.js';
