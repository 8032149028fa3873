import type { APIEmbed } from 'discord.js';
import { embedsLength, LIMITS, truncate } from './discord-limits.js';

export interface FittedEmbeds {
  embeds: APIEmbed[];
  /** How many of the given embeds did not fit; the caller says "and N more". */
  omitted: number;
}

/** Shorter than this, a description says too little: leave the embed out and count it instead. */
const MIN_DESCRIPTION = 80;
/** Author, footer and field texts cut to this when long ones leave too little room for the texts. */
const COMPACT = 64;

function compact(embed: APIEmbed): APIEmbed {
  const cut = (text: string) => truncate(text, COMPACT);
  return {
    ...embed,
    ...(embed.author ? { author: { ...embed.author, name: cut(embed.author.name) } } : {}),
    ...(embed.footer ? { footer: { ...embed.footer, text: cut(embed.footer.text) } } : {}),
    ...(embed.fields
      ? { fields: embed.fields.map((f) => ({ ...f, name: cut(f.name), value: cut(f.value) })) }
      : {}),
  };
}

/**
 * Up to 10 embeds within the 6000 characters of one message. Long descriptions are shortened evenly
 * (each visibly marked), then, if need be, long author names, footers and fields too; only when even
 * that cannot make room are trailing embeds left out, and counted, never dropped silently.
 */
export function fitEmbeds(all: readonly APIEmbed[], budget: number = LIMITS.embedsTotal): FittedEmbeds {
  let kept = all.slice(0, LIMITS.embedsPerMessage);
  while (kept.length > 0) {
    const fitted = shrinkDescriptions(kept, budget) ?? shrinkDescriptions(kept.map(compact), budget);
    if (fitted) return { embeds: fitted, omitted: all.length - kept.length };
    kept = kept.slice(0, -1);
  }
  return { embeds: [], omitted: all.length };
}

function shrinkDescriptions(embeds: readonly APIEmbed[], budget: number): APIEmbed[] | undefined {
  const total = embedsLength(embeds);
  if (total <= budget) return [...embeds];
  const lengths = embeds.map((e) => e.description?.length ?? 0);
  const fixed = total - lengths.reduce((a, b) => a + b, 0);
  const cap = waterLevel(lengths, budget - fixed);
  if (cap < MIN_DESCRIPTION) return undefined;
  return embeds.map((e) =>
    e.description !== undefined && e.description.length > cap
      ? { ...e, description: truncate(e.description, cap) }
      : e,
  );
}

/** The largest `cap` with Σ min(length, cap) ≤ room: short descriptions stay whole, long ones share the rest. */
function waterLevel(lengths: readonly number[], room: number): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  let used = 0;
  for (const [i, length] of sorted.entries()) {
    const level = Math.floor((room - used) / (sorted.length - i));
    if (level < length) return level;
    used += length;
  }
  return Number.POSITIVE_INFINITY;
}
