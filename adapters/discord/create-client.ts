import {
  type APIRequest,
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  type RateLimitData,
  RESTEvents,
  type ResponseLike,
} from 'discord.js';
import type { Logger } from '../../src/log/logger.js';
import { describeError, maskTokens } from './describe-error.js';
import { noPings } from './no-pings.js';

export interface DiscordClientOptions {
  /** REST base, `https://discord.com/api` by default; the gateway URL comes from its `GET /gateway/bot`. */
  apiUrl?: string;
  /** @discordjs/rest overrides; tests turn retries off so a failing call fails at once. */
  rest?: { retries?: number; timeout?: number };
}

/**
 * The discord.js client: server and DM messages (MessageContent is privileged: enable it in the
 * developer portal, or prefix commands arrive empty), interactions, and nobody pinged by default.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.DirectMessages,
    ],
    // DMs arrive in channels discord.js has not cached; without this it drops them.
    partials: [Partials.Channel],
    allowedMentions: noPings(),
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), ...options.rest },
  });
}

function rateLimitFields(info: RateLimitData): Record<string, unknown> {
  // Not `url`, `hash` or `majorParameter`: for interactions and webhooks they hold the token.
  return {
    method: info.method,
    route: maskTokens(info.route),
    retryAfter: info.retryAfter,
    global: info.global,
    scope: info.scope,
    limit: info.limit,
  };
}

/** A 429 Discord answered anyway (@discordjs/rest waits `retry-after`, then retries). */
function tooManyRequestsFields(request: APIRequest, response: ResponseLike): Record<string, unknown> {
  return {
    method: request.method,
    route: maskTokens(request.route),
    retryAfter: response.headers.get('retry-after'),
    global: response.headers.has('x-ratelimit-global'),
    scope: response.headers.get('x-ratelimit-scope') ?? 'user',
  };
}

/** Logs what the operator needs: rate limits (waited out by @discordjs/rest), errors, reconnects. */
export function watchClient(client: Client, logger: Logger): void {
  // Waits @discordjs/rest imposes itself, from the buckets Discord announced in earlier answers.
  client.rest.on(RESTEvents.RateLimited, (info) => {
    logger.warn(rateLimitFields(info), 'discord rate limit: waiting for the bucket to refill');
  });
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429) {
      logger.warn(
        tooManyRequestsFields(request, response),
        'discord rate limit: 429, retrying after retry-after',
      );
    }
  });
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, 'discord gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'discord gateway reconnecting'));
}
