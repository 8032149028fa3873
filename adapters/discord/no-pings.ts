import type { APIAllowedMentions, MessageMentionOptions } from 'discord.js';

/**
 * Nobody is pinged by anything the bot sends: not `@everyone`/`@here`, not a user, not a role, not the
 * author of a message it replies to. Relayed Co-op text is untrusted, so every send, edit and
 * interaction reply carries this (design.md, "Text safety"). Fresh objects: discord.js rewrites them.
 */
export function noPings(): MessageMentionOptions {
  return { parse: [], repliedUser: false };
}

/** The same for raw REST bodies (the feed sink talks to `client.rest` directly). */
export function noPingsRaw(): APIAllowedMentions {
  return { parse: [] };
}
