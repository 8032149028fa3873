import type { APIEmbed } from 'discord.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer text and author name of all embeds together. */
  embedsTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
} as const;

/** What a shortened text ends with, so that a reader sees something was cut. */
export const CUT_MARK = '… (cut)';

/**
 * `text` in at most `max` UTF-16 units (Discord counts at most that many), ending with a visible mark
 * when it was cut. Never splits a surrogate pair.
 */
export function truncate(text: string, max: number, mark = CUT_MARK): string {
  if (text.length <= max) return text;
  if (max <= mark.length) return mark.slice(0, Math.max(0, max));
  let end = max - mark.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${mark}`;
}

/** The characters Discord counts against the 6000 of one message. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    fields +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, e) => sum + embedLength(e), 0);
}
