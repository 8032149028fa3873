/** The Discord adapter's public face, for src/main.ts and the registration script. */
export { commandPayload, coopCommand } from './command-definitions.js';
export { createDiscordSink, type DiscordSinkOptions } from './discord-sink.js';
export { type RegisterOptions, registerCommands } from './register-commands.js';
export {
  DEFAULT_DEFER_AFTER_MS,
  type DiscordAdapter,
  type DiscordAdapterOptions,
  startDiscordAdapter,
} from './start-discord-adapter.js';
