import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { ChatSinkError } from '../../src/relay/chat-sink.js';

interface Permanent {
  reason: string;
  endsSubscription: boolean;
  why: string;
}

/** Discord's JSON error codes that retrying cannot fix (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
const PERMANENT: Readonly<Record<number, Permanent>> = {
  10003: { reason: 'Unknown Channel', endsSubscription: true, why: 'the channel no longer exists' },
  50001: { reason: 'Missing Access', endsSubscription: false, why: 'the bot cannot see this channel' },
  50013: {
    reason: 'Missing Permissions',
    endsSubscription: false,
    why: 'the bot may not send messages or embeds in this channel',
  },
};

export const UNKNOWN_MESSAGE = 10008;

export function isDiscordCode(error: unknown, code: number): boolean {
  return error instanceof DiscordAPIError && error.code === code;
}

/**
 * A failed Discord call as the relay understands it: Unknown Channel ends the subscription; Missing
 * Access and Missing Permissions pause it until someone fixes the channel; everything else (5xx
 * after @discordjs/rest's retries, network trouble, other API errors) is transient. Rate limits are
 * waited out inside @discordjs/rest; one that escapes it is `rate_limited`.
 */
export function toSinkError(error: unknown, action: string): ChatSinkError {
  if (error instanceof ChatSinkError) return error;
  if (error instanceof DiscordAPIError) {
    const known = typeof error.code === 'number' ? PERMANENT[error.code] : undefined;
    if (known) {
      return new ChatSinkError('permanent', known.reason, `Discord ${action} failed: ${known.why}.`, {
        endsSubscription: known.endsSubscription,
      });
    }
    return new ChatSinkError(
      'transient',
      `discord_${error.code}`,
      `Discord ${action} failed (${error.status}): ${error.message}`,
    );
  }
  if (error instanceof RateLimitError) {
    return new ChatSinkError('rate_limited', 'rate_limited', `Discord ${action} was rate limited.`, {
      retryAfterMs: error.retryAfter,
    });
  }
  if (error instanceof HTTPError) {
    return new ChatSinkError(
      'transient',
      `http_${error.status}`,
      `Discord ${action} failed (${error.status}).`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ChatSinkError('transient', 'network', `Discord ${action} failed: ${message}`);
}
