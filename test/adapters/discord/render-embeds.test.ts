import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUT_MARK, embedsLength, LIMITS, truncate } from '../../../adapters/discord/discord-limits.js';
import { discordNonce } from '../../../adapters/discord/discord-nonce.js';
import { fitEmbeds } from '../../../adapters/discord/fit-embeds.js';
import { joinWithin, renderReply } from '../../../adapters/discord/render-reply.js';
import { KIND_COLOURS, statusEmbed } from '../../../adapters/discord/status-embed.js';
import type { Reply } from '../../../src/core/reply.js';
import { dayEntry, note } from './status-fixtures.js';

const BANG = { commandPrefix: '!' };

function statusesReply(count: number, textLength = 20): Reply {
  return {
    kind: 'statuses',
    visibility: 'private',
    title: 'Sybil Fawlty in Fawlty Towers:',
    empty: 'Nothing.',
    statuses: Array.from({ length: count }, (_, i) => note(`${i} ${'x'.repeat(textLength)}`)),
  };
}

describe('status embeds', () => {
  it('show the author with avatar, the text, the time, and a badge and colour per kind', () => {
    const status = note('Fire drill at noon');
    expect(statusEmbed(status, 'Fawlty Towers')).toEqual({
      author: { name: 'Sybil Fawlty', icon_url: status.author.avatarUrl },
      description: 'Fire drill at noon',
      color: KIND_COLOURS.note,
      footer: { text: `📝 Note #${status.id} · Fawlty Towers` },
      timestamp: '2026-12-04T14:05:00.000Z',
    });
    const cobot = statusEmbed(
      note('Deployed', { kind: 'cobot', author: { id: 0, name: 'Cobot', email: '', avatarUrl: null } }),
    );
    expect(cobot.color).toBe(KIND_COLOURS.cobot);
    expect(cobot.footer?.text).toMatch(/^🤖 Cobot #\d+$/);
    expect(cobot.author).toEqual({ name: 'Cobot' });
  });

  it('show relayed text as written: markdown and masked links are escaped', () => {
    const embed = statusEmbed(note('[docs](https://evil.example) **urgent** ||spoiler|| a_b'));
    expect(embed.description).toBe(
      '\\[docs](https://evil.example) \\*\\*urgent\\*\\* \\|\\|spoiler\\|\\| a\\_b',
    );
  });

  it('show a DayEntry’s hours, project and task as fields', () => {
    const embed = statusEmbed(dayEntry(1.5, 'Boiler', true));
    expect(embed.fields).toEqual([
      { name: 'Hours', value: '1:30 ⏱️ running', inline: true },
      { name: 'Project', value: 'Hotel (Fawlty Towers Ltd)', inline: true },
      { name: 'Task', value: 'Maintenance', inline: true },
    ]);
    expect(embed.color).toBe(KIND_COLOURS.time);
  });

  it('drop an avatar Discord would refuse, and an empty description', () => {
    const embed = statusEmbed(
      note('  ', { author: { id: 1, name: 'Polly', email: 'p@x', avatarUrl: '/avatars/1.png' } }),
    );
    expect(embed.author).toEqual({ name: 'Polly' });
    expect(embed).not.toHaveProperty('description');
  });

  it('cut a 5000-character text visibly at 4096', () => {
    const embed = statusEmbed(note('y'.repeat(5000)));
    expect(embed.description).toHaveLength(LIMITS.description);
    expect(embed.description?.endsWith(CUT_MARK)).toBe(true);
  });
});

describe('Discord limits', () => {
  it('truncate never splits a surrogate pair and always marks the cut', () => {
    const text = `a${'😀'.repeat(10)}`;
    for (let max = CUT_MARK.length + 1; max < text.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith(CUT_MARK)).toBe(true);
      expect(cut.slice(0, -CUT_MARK.length)).not.toMatch(/[\ud800-\udbff]$/);
    }
    expect(truncate('short', 10)).toBe('short');
  });

  it('50 statuses: 10 embeds and "…and 40 more"', () => {
    const message = renderReply(statusesReply(50), BANG);
    expect(message.embeds).toHaveLength(10);
    expect(message.content).toBe('Sybil Fawlty in Fawlty Towers:\n…and 40 more not shown.');
  });

  it('10 long statuses share the 6000 characters: all shown, each cut visibly', () => {
    const message = renderReply(statusesReply(10, 4000), BANG);
    expect(message.embeds).toHaveLength(10);
    expect(embedsLength(message.embeds)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(message.embeds.every((e) => e.description?.endsWith(CUT_MARK))).toBe(true);
  });

  it('short descriptions stay whole while long ones are shortened', () => {
    const embeds = [note('short'), note('z'.repeat(4000)), note('z'.repeat(4000))].map((s) => statusEmbed(s));
    const { embeds: fitted, omitted } = fitEmbeds(embeds);
    expect(omitted).toBe(0);
    expect(fitted[0]?.description).toBe('short');
    expect(embedsLength(fitted)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  });

  it('ten statuses with huge names and fields still all fit, compacted', () => {
    const huge = 'h'.repeat(1000);
    const statuses = Array.from({ length: 10 }, () => {
      const entry = dayEntry(1, 'q'.repeat(3000));
      return {
        ...entry,
        author: { ...entry.author, name: huge },
        time: { ...entry.time!, project: huge, task: huge },
      };
    });
    const { embeds, omitted } = fitEmbeds(statuses.map((s) => statusEmbed(s, huge)));
    expect(omitted).toBe(0);
    expect(embeds).toHaveLength(10);
    expect(embedsLength(embeds)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(embeds.every((e) => (e.description?.length ?? 0) >= 80)).toBe(true);
  });

  it('long text goes in an embed; a list counts what does not fit', () => {
    const long = renderReply({ kind: 'text', visibility: 'private', text: 'w'.repeat(3000) }, BANG);
    expect(long.content).toBeUndefined();
    expect(long.embeds[0]?.description).toHaveLength(3000);
    const items = Array.from({ length: 500 }, (_, i) => ({
      title: `Member ${i}`,
      detail: `m${i}@example.com`,
    }));
    const list = renderReply(
      { kind: 'list', visibility: 'private', title: 'Members:', items, empty: '' },
      BANG,
    );
    const description = list.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(LIMITS.description);
    const shown = description.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(description).toMatch(new RegExp(`…and ${500 - shown} more not shown\\.$`));
  });

  it('errors carry usage and example with the prefix', () => {
    const message = renderReply(
      {
        kind: 'error',
        visibility: 'private',
        code: 'usage',
        message: 'Bad date.',
        usage: 'today [date]',
        example: 'today yesterday',
      },
      { commandPrefix: '/coop ' },
    );
    expect(message.content).toBe(
      '✗ Bad date.\nUsage: `/coop today [date]`\nExample: `/coop today yesterday`',
    );
  });

  it('property: any statuses reply fits Discord, and shown + "more" = all', () => {
    const texts = fc.array(fc.string({ maxLength: 5000, unit: 'grapheme' }), { maxLength: 60 });
    fc.assert(
      fc.property(texts, fc.string({ maxLength: 3000 }), (bodies, title) => {
        const reply: Reply = {
          kind: 'statuses',
          visibility: 'channel',
          title,
          empty: 'none',
          statuses: bodies.map((b) => note(b)),
        };
        const message = renderReply(reply, BANG);
        expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
        expect(embedsLength(message.embeds)).toBeLessThanOrEqual(LIMITS.embedsTotal);
        expect((message.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
        for (const e of message.embeds)
          expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
        const more = Number(/…and (\d+) more not shown\.$/.exec(message.content ?? '')?.[1] ?? 0);
        const shown = bodies.length === 0 ? 0 : message.embeds.length;
        expect(shown + more).toBe(bodies.length);
      }),
      { numRuns: 150 },
    );
  });

  it('joinWithin never exceeds its budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 200 }),
        fc.integer({ min: 40, max: 4096 }),
        (lines, max) => {
          expect(joinWithin(lines, max).length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe('nonces', () => {
  it('keeps short ones and digests long ones to 25 characters, stably', () => {
    expect(discordNonce('outbox-1')).toBe('outbox-1');
    const long = discordNonce('x'.repeat(100));
    expect(long).toHaveLength(25);
    expect(discordNonce('x'.repeat(100))).toBe(long);
    expect(discordNonce('y'.repeat(100))).not.toBe(long);
  });
});
