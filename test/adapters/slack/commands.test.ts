import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoopClient } from '../../../src/coop/client/coop-client.js';
import type { RecordedResponse } from '../../helpers/fake-slack.js';
import { BASIL, MANUEL, POLLY, type SlackBot, SYBIL, startSlackBot } from '../../helpers/fake-slack-bot.js';
import { blockTexts } from './status-samples.js';

/** What a reader sees of an answer: its block texts, one per line. */
const seen = (answer: RecordedResponse) => blockTexts(answer.body.blocks).join('\n');
const visibility = (answer: RecordedResponse) => answer.body.response_type;

describe('every command through Slack, end to end against the Co-op server', () => {
  let bot: SlackBot;
  beforeEach(async () => {
    bot = await startSlackBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  const asSybil = () => bot.login(SYBIL, 'sybil@fawltytowers.com', 'fawlty');
  const asBasil = async () => {
    await bot.login(BASIL, 'basil@fawltytowers.com', 'fawlty');
    await bot.run('use 1', BASIL);
  };

  it('post: confirmed in the channel, then visible in Co-op; show and delete it', async () => {
    await asSybil();
    // Slack escapes what people type: `&` and `<towels>` arrive as entities.
    const posted = await bot.run('post Fire drill at noon &amp; bring &lt;towels&gt;');
    expect(visibility(posted)).toBe('in_channel');
    expect(posted.body.text).toMatch(
      /^Sybil Fawlty posted to Fawlty Towers \(note #\d+\): Fire drill at noon &amp; bring &lt;towels&gt;$/,
    );
    const id = Number(/note #(\d+)/.exec(String(posted.body.text))?.[1]);
    const coop = new CoopClient({ baseUrl: bot.coop.url, retries: 0 }).withCredentials({
      email: 'sybil@fawltytowers.com',
      password: 'fawlty',
    });
    try {
      expect((await coop.showStatus(id)).text).toBe('Fire drill at noon & bring <towels>');
    } finally {
      await coop.close();
    }
    const shown = await bot.run(`show ${id}`);
    expect(visibility(shown)).toBe('ephemeral');
    expect(seen(shown)).toMatch(
      /\*Sybil Fawlty\* · <!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]+> · Note #\d+/,
    );
    expect(seen(shown)).toContain('Fire drill at noon &amp; bring &lt;towels&gt;');
    const deleted = await bot.run(`delete ${id}`);
    expect(deleted.body).toMatchObject({ response_type: 'ephemeral', text: `Deleted note #${id}.` });
    expect(seen(await bot.run(`show ${id}`))).toContain('Not found, or not visible to you.');
  });

  it('timeline by mention: an unlinked member is matched by the email users.info gives', async () => {
    await asSybil();
    // Polly's Slack names ("ps", "P.S.") match no Co-op member: only her Slack email can find her.
    const polly = await bot.run(`timeline <@${POLLY.id}>`);
    expect(seen(polly)).toContain('*Polly Sherman in Fawlty Towers:*');
    expect(bot.slack.callsTo('users.info').map((c) => c.args.user)).toContain(POLLY.id);
    // Manuel's Slack profile has no email and his Slack name is not his Co-op name: an error, not a guess.
    const manuel = await bot.run(`timeline <@${MANUEL.id}|mnl>`);
    expect(visibility(manuel)).toBe('ephemeral');
    expect(seen(manuel)).toContain('mnl has not linked a Co-op login, and no member of this group matches.');
    expect(seen(manuel)).toContain('*Example:* `/coop timeline sybil@fawltytowers.com`');
  });

  it('timeline of a linked member follows the link; by email markup; cobot; me today; today', async () => {
    await bot.login(BASIL, 'basil@fawltytowers.com', 'fawlty');
    await asSybil();
    expect(seen(await bot.run(`tl <@${BASIL.id}|basil>`))).toContain('*Basil Fawlty in Fawlty Towers:*');
    const byEmail = await bot.run('timeline <mailto:polly@fawltytowers.com|polly@fawltytowers.com>');
    expect(seen(byEmail)).toContain('*Polly Sherman in Fawlty Towers:*');
    const cobot = await bot.run('timeline cobot');
    expect(seen(cobot)).toContain('*Cobot in Fawlty Towers:*');
    expect(seen(cobot)).toContain(':robot_face: *Cobot*');
    expect(seen(await bot.run('timeline me today'))).toMatch(
      /Sybil Fawlty (in|has no statuses in) Fawlty Towers on \d{4}-\d{2}-\d{2}/,
    );
    const today = await bot.run('today');
    expect(visibility(today)).toBe('ephemeral');
    expect(today.body.text).toMatch(/Fawlty Towers on \d{4}-\d{2}-\d{2}/);
  });

  it('groups, use, members', async () => {
    await bot.login(BASIL, 'basil@fawltytowers.com', 'fawlty');
    const groups = await bot.run('groups', BASIL);
    expect(seen(groups)).toContain('• *#1 Fawlty Towers* — London');
    expect(seen(groups)).toContain('• *#2 Gourmet Night*');
    const unset = await bot.run('post hello', BASIL);
    expect(seen(unset)).toContain('This channel has no Co-op group yet.');
    const use = await bot.run('use 2', BASIL);
    expect(use.body).toMatchObject({ response_type: 'in_channel' });
    expect(seen(use)).toContain('This channel now uses the Co-op group Gourmet Night (#2).');
    await bot.run('use Fawlty Towers', BASIL);
    const members = await bot.run('members', BASIL);
    expect(seen(members)).toContain('• *Manuel* — manuel@fawltytowers.com');
  });

  it('agenda: set for the group (in the channel), show, mine, everyone', async () => {
    await asSybil();
    const set = await bot.run('agenda set * Pillows\n* Towels');
    expect(visibility(set)).toBe('in_channel');
    expect(seen(await bot.run('agenda'))).toContain("Fawlty Towers's agenda:\n* Pillows\n* Towels");
    expect(visibility(await bot.run('agenda set mine Fold towels'))).toBe('ephemeral');
    expect(seen(await bot.run('agenda mine'))).toContain('Your agenda:\nFold towels');
    expect(seen(await bot.run('agenda everyone'))).toContain('• *Sybil Fawlty* — Fold towels');
  });

  it('cobot posts as the robot with the leader’s key', async () => {
    await asSybil();
    expect(seen(await bot.run('cobot Deployed build 43'))).toContain(
      "Co-op does not show Fawlty Towers's Cobot key to you.",
    );
    await asBasil();
    const cobot = await bot.run('cobot Deployed build 43', BASIL);
    expect(visibility(cobot)).toBe('in_channel');
    expect(cobot.body.text).toMatch(/Cobot posted to Fawlty Towers \(note #\d+\): Deployed build 43/);
  });

  it('time and timer', async () => {
    await asBasil();
    const logged = await bot.run('time 1:30 111 222 Booking form', BASIL);
    const id = /time entry #(\d+)/.exec(String(logged.body.text))?.[1];
    expect(id).toBeDefined();
    expect(seen(logged)).toContain('logged 1:30 in Fawlty Towers');
    const timeline = await bot.run('timeline', BASIL);
    expect(seen(timeline)).toContain('*1:30* Website › Development');
    expect(seen(await bot.run(`timer ${id}`, BASIL))).toContain(`Timer started on time entry #${id}`);
    expect(seen(await bot.run(`timer ${id}`, BASIL))).toContain(`Timer stopped on time entry #${id}`);
  });

  it('help, usage errors, not linked, whoami and logout', async () => {
    const help = await bot.run('help');
    expect(visibility(help)).toBe('ephemeral');
    expect(seen(help)).toContain('timeline');
    expect(seen(await bot.run(''))).toContain('Co-op commands');
    const usage = await bot.run('delete abc');
    expect(seen(usage)).toMatch(
      /^:warning: .+\n\*Usage:\* `delete \[note\] &lt;id&gt;`\n\*Example:\* `\/coop delete \d+`$/,
    );
    expect(seen(await bot.run('pots hi'))).toContain(':warning:');
    expect(seen(await bot.run('timeline'))).toContain('You have not linked your Co-op login yet.');
    await asSybil();
    expect(seen(await bot.run('whoami'))).toMatch(/You are linked to Co-op as sybil@fawltytowers.com/);
    expect(seen(await bot.run('logout'))).toContain('Logged out.');
    expect(seen(await bot.run('whoami'))).toContain('You are not linked to Co-op.');
  });

  it('relayed text arrives escaped and inert; no answer sets link_names', async () => {
    await asSybil();
    // Typed in Slack, "<" arrives as "&lt;": the note in Co-op holds the characters themselves.
    await bot.run('post &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp;lt; hi');
    const timeline = await bot.run('timeline me');
    expect(seen(timeline)).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp;lt; hi');
    const everything = bot.slack.responses.map((r) => r.raw).join('\n');
    expect(everything).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(everything).not.toContain('link_names');
  });
});

describe('post confirmations kept private (SLACK_CONFIRM_POSTS=false)', () => {
  it('answers a post ephemerally, other channel answers still in the channel', async () => {
    const bot = await startSlackBot({ confirmPosts: false });
    try {
      await bot.login(SYBIL, 'sybil@fawltytowers.com', 'fawlty');
      const posted = await bot.run('post Quietly done');
      expect(posted.body.response_type).toBe('ephemeral');
      expect(String(posted.body.text)).toContain('posted to Fawlty Towers');
      expect((await bot.run('agenda set Quiet')).body.response_type).toBe('in_channel');
    } finally {
      await bot.close();
    }
  });
});
