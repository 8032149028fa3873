import { once } from 'node:events';
import { type Client, Events } from 'discord.js';
import type { Core } from '../../src/core/create-core.js';
import type { Logger } from '../../src/log/logger.js';
import type { ChatSink } from '../../src/relay/chat-sink.js';
import { createDiscordClient, watchClient } from './create-client.js';
import { createDiscordSink } from './discord-sink.js';
import { createInteractionHandler } from './handle-interaction.js';
import { createMessageHandler } from './handle-message.js';

export interface DiscordAdapterOptions {
  core: Core;
  logger: Logger;
  /** The bot token (DISCORD_TOKEN). Never logged. */
  token: string;
  /** The application id (DISCORD_APP_ID). */
  appId: string;
  /** Prefix of typed commands (DISCORD_PREFIX), `!` by default. */
  prefix?: string;
  /** REST base (DISCORD_API_URL), e.g. `https://discord.com/api`; the gateway URL is looked up there. */
  apiUrl?: string;
  /** @discordjs/rest overrides (tests: `{ retries: 0 }`). */
  rest?: { retries?: number; timeout?: number };
  /** Answer interactions directly when the core answers within this many ms, else defer. Default 1500. */
  deferAfterMs?: number;
}

export interface DiscordAdapter {
  client: Client;
  /** The feed port for the relay: channel ids are Discord channel snowflakes. */
  sink: ChatSink;
  /** Disconnects from the gateway; safe to call twice. */
  stop(): Promise<void>;
}

export const DEFAULT_DEFER_AFTER_MS = 1500;

/** Connects to Discord and resolves once the bot is ready (its guilds received). */
export async function startDiscordAdapter(options: DiscordAdapterOptions): Promise<DiscordAdapter> {
  const { core, logger } = options;
  const client = createDiscordClient({
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.rest ? { rest: options.rest } : {}),
  });
  watchClient(client, logger);
  client.on(Events.MessageCreate, createMessageHandler({ core, logger, prefix: options.prefix ?? '!' }));
  client.on(
    Events.InteractionCreate,
    createInteractionHandler({ core, logger, deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS }),
  );
  const abort = new AbortController();
  const ready = once(client, Events.ClientReady, { signal: abort.signal });
  ready.catch(() => undefined); // only awaited after a successful login
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    abort.abort();
    await client.destroy();
    throw error;
  }
  if (client.application?.id !== options.appId) {
    logger.warn(
      { appId: options.appId, actual: client.application?.id },
      "DISCORD_APP_ID is not this bot's application",
    );
  }
  logger.info({ bot: client.user?.tag, guilds: client.guilds.cache.size }, 'discord adapter ready');
  return {
    client,
    sink: createDiscordSink({ rest: client.rest, logger }),
    stop: () => client.destroy(),
  };
}
