import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

/**
 * An error as it may be logged. Interaction and webhook URLs carry a token that lets anyone answer as
 * the bot for 15 minutes, so paths are masked; request bodies are left out.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return {
      name: error.name,
      code: error.code,
      status: error.status,
      method: error.method,
      path: maskTokens(error.url),
      message: error.message,
    };
  }
  if (error instanceof HTTPError) {
    return { name: error.name, status: error.status, method: error.method, path: maskTokens(error.url) };
  }
  if (error instanceof RateLimitError) {
    return { name: error.name, route: error.route, retryAfter: error.retryAfter, global: error.global };
  }
  if (error instanceof Error) return { name: error.name, message: maskTokens(error.message) };
  return { message: String(error) };
}

/** `/interactions/1/TOKEN/callback` → `/interactions/1/:token/callback`; the same for webhooks. */
export function maskTokens(text: string): string {
  return text.replace(/\/(interactions|webhooks)\/(\d+)\/[^/?\s]+/g, '/$1/$2/:token');
}
