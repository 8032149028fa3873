import { describe, expect, it } from 'vitest';
import { readCommandText } from '../../../adapters/slack/slack-text.js';
import { parseCommand } from '../../../src/core/grammar/index.js';

describe('reading slash command text', () => {
  it('keeps user mentions as Slack wrote them and lists them', () => {
    const read = readCommandText('timeline <@U0POLLY|polly> and <@W0BOSS>');
    expect(read.text).toBe('timeline <@U0POLLY|polly> and <@W0BOSS>');
    expect(read.mentions).toEqual([
      { raw: '<@U0POLLY|polly>', userId: 'U0POLLY', name: 'polly' },
      { raw: '<@W0BOSS>', userId: 'W0BOSS' },
    ]);
  });

  it('unwraps emails, channels, links and special mentions to what was typed', () => {
    const read = readCommandText(
      'post mail <mailto:polly@fawltytowers.com|polly@fawltytowers.com> in <#C0GEN|general> see ' +
        '<https://fawltytowers.com|fawltytowers.com> <https://x.io/a?b=1&amp;c=2> <!here> <!subteam^S1|@kitchen> <#C0X>',
    );
    expect(read.text).toBe(
      'post mail polly@fawltytowers.com in #general see fawltytowers.com https://x.io/a?b=1&c=2 @here @kitchen #C0X',
    );
    expect(read.mentions).toEqual([]);
  });

  it('decodes the three entities once: what was typed as "&lt;" stays "&lt;"', () => {
    expect(readCommandText('post a &lt; b &amp;&amp; c &gt; d &amp;lt;').text).toBe(
      'post a < b && c > d &lt;',
    );
  });

  it('the grammar reads an unwrapped email and a mention from the table', () => {
    const read = readCommandText('timeline <mailto:polly@fawltytowers.com|polly@fawltytowers.com> today');
    expect(parseCommand({ text: read.text })).toMatchObject({
      name: 'timeline',
      target: { kind: 'email', email: 'polly@fawltytowers.com' },
    });
    const mention = readCommandText('tl <@U0POLLY|polly>');
    const ref = { kind: 'user' as const, platform: 'slack', userId: 'U0POLLY' };
    expect(
      parseCommand({ text: mention.text, mentions: new Map([['<@U0POLLY|polly>', ref]]) }),
    ).toMatchObject({
      name: 'timeline',
      target: { kind: 'mention', mention: ref },
    });
  });
});
