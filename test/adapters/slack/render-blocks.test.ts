import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEED_STATUSES_PER_MESSAGE, renderFeedPost } from '../../../adapters/slack/render-feed.js';
import { renderReply } from '../../../adapters/slack/render-reply.js';
import { escapeSlack, escapeWithin } from '../../../adapters/slack/slack-escape.js';
import { LIMITS } from '../../../adapters/slack/slack-message.js';
import type { Reply } from '../../../src/core/reply.js';
import { blockTexts, sampleStatus, sampleStatuses } from './status-samples.js';

const statusesReply = (count: number, text?: string): Reply => ({
  kind: 'statuses',
  visibility: 'private',
  title: 'Sybil Fawlty in Fawlty Towers:',
  statuses: sampleStatuses(count, text === undefined ? {} : { text }),
  empty: 'Nothing yet.',
});

/** Anything Slack would read as markup: a mention, a special mention, a link. Our date tokens aside. */
const LIVE_MARKUP = /<(?!!date\^\d+\^\{date_short_pretty\} \{time\}\|[^<>|]*>)[^>]*>/;

describe('escaping', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeSlack('<!channel> <!here> <@U123> &lt; *bold*')).toBe(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp;lt; *bold*',
    );
  });

  it('cuts visibly at a whole entity, within the limit', () => {
    const cut = escapeWithin('a<b<c<d<e', 8);
    expect(cut.length).toBeLessThanOrEqual(8);
    expect(cut).toBe('a&lt;b…');
    expect(escapeWithin('short', 10)).toBe('short');
    // A surrogate pair is never split.
    expect(escapeWithin('🚀🚀🚀🚀', 4)).toBe('🚀…');
  });

  it('relayed mentions arrive inert in blocks and in the fallback', () => {
    const reply: Reply = {
      kind: 'status',
      visibility: 'channel',
      title: 'Note <!here>',
      status: sampleStatus({
        text: '<!channel> <!here> <@U123> &lt; <https://evil.example|click>',
        name: '<@U999>',
      }),
    };
    const message = renderReply(reply);
    const strings = [message.text, ...blockTexts(message.blocks)];
    for (const text of strings) expect(text).not.toMatch(LIVE_MARKUP);
    expect(strings.join('\n')).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp;lt;');
    expect(message.text).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(message)).not.toContain('link_names');
  });
});

describe('statuses within Slack limits', () => {
  it('a few statuses: author line with avatar and time token, then the text', () => {
    const message = renderReply(statusesReply(2));
    expect(message.blocks).toHaveLength(1 + 2 * 2);
    const [, head, body] = message.blocks;
    expect(head).toMatchObject({
      type: 'context',
      elements: [
        { type: 'image', image_url: 'https://example.org/sybil.png', alt_text: 'Sybil Fawlty' },
        { type: 'mrkdwn', verbatim: true },
      ],
    });
    expect(blockTexts([head])[0]).toMatch(
      /^\*Sybil Fawlty\* · <!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-12-04 14:04> · Note #1$/,
    );
    expect(body).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: 'Status 1' } });
    expect(message.text).toBe(
      'Sybil Fawlty in Fawlty Towers:\nSybil Fawlty: Status 1\nSybil Fawlty: Status 2',
    );
  });

  it('DayEntries show hours, project and task; Cobot a badge', () => {
    const time = renderReply({
      kind: 'status',
      visibility: 'private',
      title: 'T',
      status: sampleStatus({ kind: 'time' }),
    });
    expect(blockTexts(time.blocks).join('\n')).toContain('*1:30* Website › Development\nStatus 1');
    expect(blockTexts(time.blocks).join('\n')).toContain(':stopwatch: Time #1');
    const cobot = renderReply({
      kind: 'status',
      visibility: 'private',
      title: 'C',
      status: sampleStatus({ kind: 'cobot' }),
    });
    expect(blockTexts(cobot.blocks).join('\n')).toContain(':robot_face: *Cobot* #1');
  });

  it('a status without a usable avatar has no image (a bad URL would sink the message)', () => {
    for (const avatarUrl of [null, 'javascript:alert(1)', '/relative.png']) {
      const message = renderReply({
        kind: 'status',
        visibility: 'private',
        title: 'T',
        status: sampleStatus({ avatarUrl }),
      });
      expect(JSON.stringify(message.blocks)).not.toContain('"image"');
    }
  });

  it('50 statuses fit one message: compact, 50 blocks at most, "and N more" said', () => {
    const message = renderReply(statusesReply(50));
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    const texts = blockTexts(message.blocks);
    expect(texts.at(-1)).toMatch(/^…and 2 more statuses not shown/);
    expect(texts.filter((t) => t.includes('Note #')).length).toBe(48);
    expect(message.text.split('\n')).toHaveLength(51);
  });

  it('a 5000-character status is cut visibly within 3000 characters', () => {
    const message = renderReply({
      kind: 'status',
      visibility: 'private',
      title: 'T',
      status: sampleStatus({ text: '<'.repeat(5000) }),
    });
    const body = blockTexts(message.blocks).at(-1) as string;
    expect(body.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(body.endsWith('&lt;…')).toBe(true);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('many long statuses share the text budget; each cut shows "…"', () => {
    const message = renderReply(statusesReply(24, 'x'.repeat(3000)));
    const bodies = blockTexts(message.blocks).filter((t) => t.startsWith('x'));
    expect(bodies).toHaveLength(24);
    for (const body of bodies) expect(body.endsWith('…')).toBe(true);
    expect(bodies.join('').length).toBeLessThanOrEqual(LIMITS.statusTextBudget);
  });

  it('feed posts carry the group and use the full layout up to maxStatusesPerMessage', () => {
    const post = {
      groupId: 1,
      groupName: 'Fawlty <Towers>',
      statuses: sampleStatuses(FEED_STATUSES_PER_MESSAGE),
    };
    const message = renderFeedPost(post);
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(message.blocks.filter((b) => b.type === 'context')).toHaveLength(1 + FEED_STATUSES_PER_MESSAGE);
    expect(blockTexts(message.blocks)[0]).toContain('*Fawlty &lt;Towers&gt;* on Co-op');
    expect(message.text.startsWith('Fawlty &lt;Towers&gt;\n')).toBe(true);
  });
});

describe('other replies', () => {
  it('errors show the message, usage and example', () => {
    const message = renderReply({
      kind: 'error',
      visibility: 'private',
      code: 'usage',
      message: 'delete needs a note id.',
      usage: 'delete [note] <id>',
      example: 'delete 1234',
    });
    expect(blockTexts(message.blocks)).toEqual([
      ':warning: delete needs a note id.\n*Usage:* `delete [note] &lt;id&gt;`\n*Example:* `/coop delete 1234`',
    ]);
    expect(message.text).toBe(
      'delete needs a note id.\nUsage: delete [note] &lt;id&gt;\nExample: delete 1234',
    );
  });

  it('long texts split into sections at line ends; a huge one is capped visibly', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i} ${'y'.repeat(90)}`);
    const message = renderReply({ kind: 'text', visibility: 'private', text: lines.join('\n') });
    for (const text of blockTexts(message.blocks))
      expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(blockTexts(message.blocks)[0]?.startsWith('line 0 ')).toBe(true);
    const huge = renderReply({
      kind: 'text',
      visibility: 'private',
      text: 'z'.repeat(200_000).replace(/z{100}/g, '$&\n'),
    });
    expect(huge.blocks).toHaveLength(LIMITS.blocks);
    expect(blockTexts(huge.blocks).at(-1)).toMatch(/… \(\d+ more parts not shown/);
  });

  it('lists and empty lists', () => {
    const list = renderReply({
      kind: 'list',
      visibility: 'private',
      title: 'Members of Fawlty Towers:',
      items: [{ title: 'Manuel', detail: 'manuel@fawltytowers.com' }, { title: 'Polly <3' }],
      empty: 'Nobody.',
    });
    expect(blockTexts(list.blocks)).toEqual([
      '*Members of Fawlty Towers:*',
      '• *Manuel* — manuel@fawltytowers.com\n• *Polly &lt;3*',
    ]);
    const empty = renderReply({
      kind: 'list',
      visibility: 'private',
      title: 'T',
      items: [],
      empty: 'Nobody.',
    });
    expect(empty.text).toBe('Nobody.');
  });
});

describe('properties', () => {
  const statusArb = fc.record({
    text: fc.string({ maxLength: 4000 }),
    name: fc.string({ maxLength: 200 }),
    kind: fc.constantFrom('note' as const, 'time' as const, 'cobot' as const),
  });

  it('any statuses: ≤ 50 blocks, ≤ 3000 characters a text, a fallback, no live markup', () => {
    fc.assert(
      fc.property(fc.array(statusArb, { maxLength: 70 }), fc.string({ maxLength: 400 }), (specs, title) => {
        const statuses = specs.map((s, i) => sampleStatus({ ...s, id: i + 1 }));
        const message = renderReply({
          kind: 'statuses',
          visibility: 'private',
          title,
          statuses,
          empty: 'none',
        });
        expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
        expect(message.text.length).toBeGreaterThan(0);
        expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
        for (const text of blockTexts(message.blocks)) {
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        }
        // mrkdwn texts and the fallback are parsed by Slack; alt texts are plain_text and are not.
        for (const text of [message.text, ...blockTexts(message.blocks)])
          expect(text).not.toMatch(LIVE_MARKUP);
      }),
      { numRuns: 150 },
    );
  });
});
