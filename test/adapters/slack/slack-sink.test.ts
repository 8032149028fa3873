import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackSink } from '../../../adapters/slack/slack-sink.js';
import { silentLogger } from '../../../src/log/logger.js';
import { ChatSinkError, type FeedPost } from '../../../src/relay/chat-sink.js';
import type { ChannelRef } from '../../../src/store/store.js';
import { type SlackBot, startSlackBot } from '../../helpers/fake-slack-bot.js';
import { FAKE_TEAM } from '../../helpers/fake-slack-methods.js';
import { blockTexts, sampleStatus, sampleStatuses } from './status-samples.js';

/** The feed side: the relay calls the sink; the fake records what reached "Slack". */
describe('the Slack ChatSink against the fake Web API', () => {
  let bot: SlackBot;
  let n = 0;
  beforeAll(async () => {
    bot = await startSlackBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  /** A fresh channel for each test, so histories do not mix. */
  const channel = (): ChannelRef => ({
    platform: 'slack',
    workspaceId: FAKE_TEAM,
    channelId: `C0FEED${++n}`,
  });
  const post = (statuses = sampleStatuses(2)): FeedPost => ({
    groupId: 1,
    groupName: 'Fawlty Towers',
    statuses,
  });
  const sink = () => bot.adapter.sink;
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a ChatSinkError');
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(ChatSinkError);
        return error as ChatSinkError;
      },
    );

  it('sends with blocks, fallback text and the nonce in metadata; edits; removes', async () => {
    const where = channel();
    expect(sink()).toMatchObject({ platform: 'slack', maxStatusesPerMessage: 24 });
    const ts = await sink().send(where, post(), { nonce: 'n-1' });
    const sent = bot.slack.callsTo('chat.postMessage').at(-1);
    expect(sent?.args).toMatchObject({
      channel: where.channelId,
      unfurl_links: 'false',
      metadata: { event_type: 'coop_status', event_payload: { nonce: 'n-1', keys: 'Note:1 Note:2' } },
    });
    expect(sent?.args.text).toBe('Fawlty Towers\nSybil Fawlty: Status 1\nSybil Fawlty: Status 2');
    expect(blockTexts(sent?.args.blocks)[0]).toContain('*Fawlty Towers* on Co-op');
    expect(sent?.args).not.toHaveProperty('link_names');
    expect(bot.slack.workspace.messages(where.channelId).map((m) => m.ts)).toEqual([ts]);

    const edited = post([sampleStatus({ id: 1, kind: 'time', text: 'Booking form, done' })]);
    await sink().edit(where, ts, edited);
    expect(bot.slack.callsTo('chat.update').at(-1)?.args).toMatchObject({ channel: where.channelId, ts });
    expect(blockTexts(bot.slack.workspace.messages(where.channelId)[0]?.blocks).join('\n')).toContain(
      'Booking form, done',
    );

    await sink().remove(where, ts);
    expect(bot.slack.callsTo('chat.delete').at(-1)?.args).toMatchObject({ channel: where.channelId, ts });
    expect(bot.slack.workspace.messages(where.channelId)).toEqual([]);
    // Removing again is not an error: the message is gone, as the relay wants.
    await sink().remove(where, ts);
  });

  it('finds a message already sent with a nonce in the recent history', async () => {
    const where = channel();
    await sink().notice(where, 'unrelated');
    const ts = await sink().send(where, post(), { nonce: 'in-doubt' });
    await sink().send(where, post(), { nonce: 'later' });
    expect(await sink().findSent?.(where, 'in-doubt')).toBe(ts);
    expect(await sink().findSent?.(where, 'never-sent')).toBeUndefined();
    expect(bot.slack.callsTo('conversations.history').at(-1)?.args).toMatchObject({
      channel: where.channelId,
      include_all_metadata: 'true',
    });
    bot.slack.failNext('conversations.history', { error: 'missing_scope' });
    expect(await sink().findSent?.(where, 'in-doubt')).toBeUndefined();
  });

  it('a 429 becomes rate_limited with Retry-After, and the retry delivers once', async () => {
    const where = channel();
    bot.slack.failNext('chat.postMessage', { rateLimitedFor: 7 });
    const error = await failure(sink().send(where, post(), { nonce: 'busy' }));
    expect(error).toMatchObject({ kind: 'rate_limited', options: { retryAfterMs: 7000 } });
    // The client did not wait and retry on its own: one attempt, refused.
    expect(
      bot.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === where.channelId),
    ).toHaveLength(1);
    const ts = await sink().send(where, post(), { nonce: 'busy' });
    expect(bot.slack.workspace.messages(where.channelId).map((m) => m.ts)).toEqual([ts]);
  });

  it.each([
    ['channel_not_found', 'permanent', true],
    ['is_archived', 'permanent', true],
    ['not_in_channel', 'permanent', false],
    ['token_revoked', 'permanent', false],
    ['account_inactive', 'permanent', false],
    ['invalid_auth', 'permanent', false],
    ['internal_error', 'transient', undefined],
    ['fatal_error', 'transient', undefined],
  ])('%s is %s (ends the subscription: %s)', async (code, kind, ends) => {
    bot.slack.failNext('chat.postMessage', { error: code });
    const error = await failure(sink().send(channel(), post(), { nonce: `fail-${code}` }));
    expect(error.kind).toBe(kind);
    expect(error.reason).toBe(code);
    expect(error.options.endsSubscription).toBe(ends);
    expect(error.message).toContain(code);
  });

  it('a network failure is transient', async () => {
    // Nothing listens on port 9 (discard): the request fails before Slack could answer.
    const client = new webApi.WebClient('xoxb-fake', {
      slackApiUrl: 'http://127.0.0.1:9/api/',
      logLevel: webApi.LogLevel.ERROR,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const offline = createSlackSink(client, silentLogger());
    const error = await failure(offline.send(channel(), post(), { nonce: 'offline' }));
    expect(error).toMatchObject({ kind: 'transient', reason: 'request_failed' });
  });

  it('blocks Slack refuses are sent again as plain text, once', async () => {
    const where = channel();
    bot.slack.failNext('chat.postMessage', { error: 'invalid_blocks' });
    const ts = await sink().send(where, post(), { nonce: 'plain' });
    const calls = bot.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === where.channelId);
    expect(calls.map((c) => c.outcome)).toEqual(['invalid_blocks', 'ok']);
    expect(calls[1]?.args).not.toHaveProperty('blocks');
    expect(calls[1]?.args.text).toContain('Sybil Fawlty: Status 1');
    expect(bot.slack.workspace.messages(where.channelId).map((m) => m.ts)).toEqual([ts]);
  });

  it('relayed <!channel>, <!here>, <@U123> and &lt; arrive escaped and inert', async () => {
    const where = channel();
    const hostile = sampleStatus({ text: '<!channel> <!here> <@U123> &lt; ping', name: '<!everyone>' });
    await sink().send(where, post([hostile]), { nonce: 'hostile' });
    await sink().notice(where, 'Feed paused: <!here> look');
    const calls = bot.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === where.channelId);
    // What Slack parses: the fallback text and the mrkdwn texts (alt texts are plain_text, never parsed).
    const parsed = calls.flatMap((c) => [String(c.args.text), ...blockTexts(c.args.blocks)]).join('\n');
    expect(parsed).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp;lt; ping');
    expect(parsed).toContain('*&lt;!everyone&gt;*');
    expect(parsed).toContain('Feed paused: &lt;!here&gt; look');
    expect(parsed).not.toMatch(/<!channel>|<!here>|<@U123>|<!everyone>/);
    for (const call of calls) expect(call.args).not.toHaveProperty('link_names');
  });
});
