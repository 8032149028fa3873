import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_FEED_KEY } from '../../src/coop-server/seed-demo.js';
import { HARVEST, type Harness, INTERVAL, MINUTE, startHarness } from './relay-harness.js';

let h: Harness;
afterEach(() => h?.close());

const BASIL = 'basil@fawltytowers.com';
const SYBIL = 'sybil@fawltytowers.com';

describe('feeds', () => {
  it('posts nothing that was there when the feed was subscribed, then what is new, oldest first', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const sink = h.sinks.get('shell');
    expect(sink?.sends).toHaveLength(0);
    const ids: number[] = [];
    for (const text of ['first', 'second', 'third']) {
      ids.push(await h.as(BASIL).postStatus(1, text));
      h.clock.advance(MINUTE);
    }
    await h.cycle(relay);
    expect(sink?.keysIn(h.channel('c1'))).toEqual(ids.map((id) => `Note:${id}`));
    expect(sink?.sends.map((s) => s.post.statuses[0]?.text)).toEqual(['first', 'second', 'third']);
    await h.cycle(relay);
    expect(sink?.sends).toHaveLength(3);
  });

  it('delivers what was posted between subscribe and the first poll', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const before = await h.as(BASIL).postStatus(1, 'before subscribe');
    h.clock.advance(2000);
    await h.subscribe('c1', basil);
    h.clock.advance(1500);
    const after = await h.as(SYBIL).postStatus(1, 'right after subscribe');
    const relay = h.relay();
    await h.cycle(relay);
    const keys = h.sinks.get('shell')?.keysIn(h.channel('c1'));
    expect(keys).toEqual([`Note:${after}`]);
    expect(keys).not.toContain(`Note:${before}`);
  });

  it('lets each filter through only its statuses: notes, time, cobot, user:, combined', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const filters = ['all', 'notes', 'time', 'cobot', `user:${SYBIL}`, `time,user:${BASIL}`, `notes,cobot`];
    for (const [i, filter] of filters.entries()) await h.subscribe(`f${i}`, basil, { filter });
    const relay = h.relay();
    await h.cycle(relay);
    const basilNote = `Note:${await h.as(BASIL).postStatus(1, 'basil note')}`;
    h.clock.advance(1000);
    const sybilNote = `Note:${await h.as(SYBIL).postStatus(1, 'sybil note')}`;
    h.clock.advance(1000);
    const cobot = `Note:${await h.client.postCobotStatus(1, DEMO_FEED_KEY, 'Deployed build 43')}`;
    h.clock.advance(1000);
    const entry = `DayEntry:${await h.as(BASIL).createDayEntry(1, { text: 'Banister', hours: 1.5, ...HARVEST })}`;
    await h.cycle(relay);
    const got = (i: number) => h.sinks.get('shell')?.keysIn(h.channel(`f${i}`));
    expect(got(0)).toEqual([basilNote, sybilNote, cobot, entry]);
    expect(got(1)).toEqual([basilNote, sybilNote]);
    expect(got(2)).toEqual([entry]);
    expect(got(3)).toEqual([cobot]);
    expect(got(4)).toEqual([sybilNote]);
    expect(got(5)).toEqual([entry]);
    expect(got(6)).toEqual([basilNote, sybilNote, cobot]);
  });

  it('a feed subscribed later gets only what is first seen after it, even on a key already polled', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('early', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const before = await h.as(BASIL).postStatus(1, 'before the second feed');
    await h.cycle(relay);
    await h.subscribe('late', basil);
    h.clock.advance(1000);
    const after = await h.as(BASIL).postStatus(1, 'after the second feed');
    await h.cycle(relay);
    const sink = h.sinks.get('shell');
    expect(sink?.keysIn(h.channel('early'))).toEqual([`Note:${before}`, `Note:${after}`]);
    expect(sink?.keysIn(h.channel('late'))).toEqual([`Note:${after}`]);
  });

  it('a key nobody followed for a while starts again with a baseline, not a replay', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const first = await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    await h.store.deleteSubscription(first.id);
    for (let i = 0; i < 5; i++) await h.as(BASIL).postStatus(1, `while nobody listened ${i}`);
    h.clock.advance(3 * INTERVAL);
    await h.cycle(relay);
    await h.subscribe('c2', basil);
    await h.cycle(relay);
    expect(h.sinks.get('shell')?.sends).toHaveLength(0);
    const fresh = await h.as(BASIL).postStatus(1, 'fresh');
    await h.cycle(relay);
    expect(h.sinks.get('shell')?.keysIn(h.channel('c2'))).toEqual([`Note:${fresh}`]);
  });

  it('relays hostile text unchanged in the payload; escaping is the sink adapter’s job', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    await h.subscribe('d1', basil, { platform: 'discord' });
    const relay = h.relay();
    await h.cycle(relay);
    const text = 'Hey @everyone and @here, <!channel> <@U123> & <b>bold</b> `code` *stars*';
    await h.as(BASIL).postStatus(1, text);
    await h.cycle(relay);
    for (const platform of ['shell', 'discord'] as const) {
      const send = h.sinks.get(platform)?.sends[0];
      expect(send?.post.statuses[0]?.text).toBe(text);
      expect(send?.post.groupName).toBe('Fawlty Towers');
    }
  });

  it('packs a burst waiting for one channel into messages of up to maxStatusesPerMessage Notes', async () => {
    h = await startHarness();
    const basil = await h.link('basil', 'discord');
    await h.subscribe('d1', basil, { platform: 'discord' });
    const relay = h.relay();
    await h.cycle(relay);
    const keys: string[] = [];
    for (let i = 0; i < 23; i++) {
      keys.push(`Note:${await h.as(BASIL).postStatus(1, `burst ${i}`)}`);
      h.clock.advance(1000);
    }
    const entry = `DayEntry:${await h.as(BASIL).createDayEntry(1, { text: 'alone', hours: 1, ...HARVEST })}`;
    h.clock.advance(1000);
    keys.push(entry, `Note:${await h.as(BASIL).postStatus(1, 'after the entry')}`);
    await h.cycle(relay);
    const sink = h.sinks.get('discord');
    expect(sink?.sends.map((s) => s.post.statuses.length)).toEqual([10, 10, 3, 1, 1]);
    expect(sink?.keysIn(h.channel('d1', 'discord'))).toEqual(keys);
  });

  it('keeps within the platform rate: a Slack channel gets at most one message per second', async () => {
    h = await startHarness();
    const basil = await h.link('basil', 'slack');
    await h.subscribe('s1', basil, { platform: 'slack' });
    const relay = h.relay();
    await h.cycle(relay);
    for (let i = 0; i < 3; i++) {
      await h.as(BASIL).createDayEntry(1, { text: `entry ${i}`, hours: 1, ...HARVEST });
      h.clock.advance(1000);
    }
    await relay.pollDue();
    const start = h.clock.now();
    await relay.drain();
    expect(h.sinks.get('slack')?.sends).toHaveLength(3);
    // The injected sleep moves the clock: three messages need two waits of a second.
    expect(h.clock.now() - start).toBe(2000);
  });
});
