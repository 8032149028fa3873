import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedPost, SendOptions } from '../../src/relay/chat-sink.js';
import type { ChannelRef } from '../../src/store/store.js';
import { RecordingSink, sinkErrors } from '../helpers/recording-sink.js';
import { type Harness, INTERVAL, startHarness } from './relay-harness.js';

let h: Harness;
afterEach(() => h?.close());

const BASIL = 'basil@fawltytowers.com';

async function postNotes(count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    keys.push(`Note:${await h.as(BASIL).postStatus(1, `note ${i}`)}`);
    h.clock.advance(1000);
  }
  return keys;
}

/** A platform that creates the message and then times out: the relay cannot know it was sent. */
class SendsThenTimesOut extends RecordingSink {
  timeouts = 1;
  override async send(channel: ChannelRef, post: FeedPost, options: SendOptions): Promise<string> {
    const id = await super.send(channel, post, options);
    if (this.timeouts-- > 0) throw sinkErrors.transient();
    return id;
  }
}

describe('delivery through the sinks', () => {
  it('waits retryAfterMs after rate_limited, then sends once', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const keys = await postNotes(1);
    const sink = h.sinks.get('shell') as RecordingSink;
    sink.failNext('send', sinkErrors.rateLimited(1500));
    await relay.pollDue();
    const before = h.clock.now();
    await relay.drain();
    expect(sink.refused.send).toBe(1);
    expect(sink.keysIn(h.channel('c1'))).toEqual(keys);
    expect(h.clock.now() - before).toBe(1500);
  });

  it('backs off after a transient failure and retries with the same nonce', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const keys = await postNotes(1);
    const sink = h.sinks.get('shell') as RecordingSink;
    sink.failNext('send', sinkErrors.transient());
    await relay.pollDue();
    await relay.drain();
    expect(sink.sends).toHaveLength(0);
    const [row] = await h.store.listSendingOutbox();
    h.clock.advance(60_000);
    await relay.drain();
    expect(sink.keysIn(h.channel('c1'))).toEqual(keys);
    expect(sink.sends[0]?.nonce).toBe(row?.nonce);
    expect(h.log.withMessage('chat send failed; backing off')).toHaveLength(1);
  });

  it('retries a pack the platform may have created exactly as it was: nothing twice, nothing lost', async () => {
    h = await startHarness();
    const sink = new SendsThenTimesOut({
      platform: 'discord',
      maxStatusesPerMessage: 10,
      enforceNonce: true,
    });
    h.sinks.set('discord', sink);
    const basil = await h.link('basil');
    await h.subscribe('d1', basil, { platform: 'discord' });
    const relay = h.relay();
    await h.cycle(relay);
    const first = await postNotes(5);
    await relay.pollDue();
    await relay.drain();
    // Three more arrive while the first pack waits for its retry; they must not join it.
    const more = await postNotes(3);
    h.clock.advance(INTERVAL);
    await relay.pollDue();
    await relay.drain();
    expect(sink.sends.map((s) => s.post.statuses.length)).toEqual([5, 3]);
    expect(sink.visibleKeysIn(h.channel('d1', 'discord'))).toEqual([...first, ...more]);
  });

  it('ends the channel’s feeds on a permanent error that ends subscriptions', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const sub = await h.subscribe('c1', basil);
    const other = await h.subscribe('c2', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const sink = h.sinks.get('shell') as RecordingSink;
    sink.failNext('send', sinkErrors.channelGone());
    const keys = await postNotes(3);
    await h.cycle(relay);
    expect(await h.store.getSubscription(sub.id)).toMatchObject({
      state: 'ended',
      stateReason: 'chat:channel_not_found',
    });
    expect(sink.noticesIn(h.channel('c1'))).toHaveLength(1);
    expect(sink.keysIn(h.channel('c1'))).toEqual([]);
    expect(sink.keysIn(h.channel('c2'))).toEqual(keys);
    expect(await h.store.listChannelsWithPendingOutbox()).toEqual([]);
    await postNotes(1);
    await h.cycle(relay);
    expect(sink.keysIn(h.channel('c1'))).toEqual([]);
    expect(await h.store.getSubscription(other.id)).toMatchObject({ state: 'active' });
  });

  it('pauses the channel’s feeds on a permanent error that does not end them (missing access)', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const sub = await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    (h.sinks.get('shell') as RecordingSink).failNext('send', sinkErrors.missingAccess());
    await postNotes(2);
    await h.cycle(relay);
    expect(await h.store.getSubscription(sub.id)).toMatchObject({
      state: 'paused',
      stateReason: 'chat:missing_access',
    });
  });

  it('resolves rows left in doubt by a crash: found on the platform (Slack history) → recorded, not resent', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const sub = await h.subscribe('s1', basil, { platform: 'slack' });
    await h.cycle(h.relay());
    const keys = await postNotes(3);
    await h.relay().pollDue();
    // The crashed process had claimed the rows and sent them; it died before recording the send.
    const channel = h.channel('s1', 'slack');
    const rows = await h.store.claimOutbox(channel, 20);
    const sink = h.sinks.get('slack') as RecordingSink;
    const statuses = rows.map((row) => (row.payload as { status: FeedPost['statuses'][number] }).status);
    const messageId = sink.preload(
      channel,
      { groupId: 1, groupName: 'Fawlty Towers', statuses },
      rows[0]?.nonce ?? '',
    );
    await h.relay().drain();
    expect(sink.sends).toHaveLength(0);
    expect(sink.visibleKeysIn(channel)).toEqual(keys);
    expect(
      await h.store.findDelivered(sub.id, { type: 'Note', id: Number(keys[2]?.slice(5)) }),
    ).toMatchObject({
      platformMessageId: messageId,
    });
  });

  it('resolves rows left in doubt by a crash: not on the platform → sent, with their nonce', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('s1', basil, { platform: 'slack' });
    await h.cycle(h.relay());
    const keys = await postNotes(3);
    await h.relay().pollDue();
    const channel = h.channel('s1', 'slack');
    const rows = await h.store.claimOutbox(channel, 20);
    await h.relay().drain();
    const sink = h.sinks.get('slack') as RecordingSink;
    expect(sink.keysIn(channel)).toEqual(keys);
    expect(sink.sends[0]?.nonce).toBe(rows[0]?.nonce);
  });

  it('runs in the background after start(), and stop() waits for work in flight', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay({ pollIntervalMs: 1_000 });
    await relay.start();
    await vi.waitFor(() => expect(h.requests.paths.length).toBeGreaterThan(0));
    const keys = await postNotes(2);
    h.clock.advance(INTERVAL);
    await vi.waitFor(() => expect(h.sinks.get('shell')?.keysIn(h.channel('c1'))).toEqual(keys));
    await relay.stop();
    const requests = h.requests.paths.length;
    h.clock.advance(INTERVAL);
    await relay.pollDue();
    expect(h.requests.paths.length).toBe(requests);
  });
});
