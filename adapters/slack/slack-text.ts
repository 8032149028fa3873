/** A user mention as Slack wrote it in a slash command's text: `<@U123|ada>` or `<@U123>`. */
export interface SlackUserMention {
  raw: string;
  userId: string;
  name?: string;
}

export interface CommandText {
  /** The text for the grammar: Slack markup unwrapped, entities decoded, user mentions left as written. */
  text: string;
  mentions: SlackUserMention[];
}

/** Markup `<…>` or one of the three entities Slack escapes in what people type. */
const TOKEN = /<([^<>\n]*)>|&(amp|lt|gt);/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };
const USER = /^@([UW][A-Z0-9]+)(?:\|(.*))?$/;

/**
 * Reads a slash command's text the way its author typed it. Slack (with "escape channels, users and
 * links") sends `<mailto:a@b.c|a@b.c>`, `<#C1|general>`, `<https://x.io|x.io>`, `<!here>` and `&lt;`;
 * the grammar wants `a@b.c`, `#general`, `x.io`, `@here` and `<`. User mentions stay as Slack wrote
 * them: they are the keys of the mention table the grammar matches literally.
 */
export function readCommandText(raw: string): CommandText {
  const mentions: SlackUserMention[] = [];
  const text = raw.replace(TOKEN, (whole, markup: string | undefined, entity: string | undefined) => {
    if (entity !== undefined) return ENTITIES[entity] ?? whole;
    const inner = markup ?? '';
    const user = USER.exec(inner);
    if (user) {
      const [, userId = '', label] = user;
      const name = label ? decodeEntities(label) : undefined;
      mentions.push({ raw: whole, userId, ...(name ? { name } : {}) });
      return whole;
    }
    return decodeEntities(unwrap(inner));
  });
  return { text, mentions };
}

/** The words a reader saw for one piece of markup. */
function unwrap(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!')) return specialMention(target.slice(1), label);
  if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
  return label ?? target;
}

/** `<!here>` → `@here`, `<!subteam^S1|@team>` → `@team`, `<!date^…|fallback>` → the fallback. */
function specialMention(name: string, label: string | undefined): string {
  if (label) return label;
  const word = name.split('^')[0] ?? name;
  return `@${word}`;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (whole, entity: string) => ENTITIES[entity] ?? whole);
}
