import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, INTERVAL, STATUSES_PATH, startHarness } from './relay-harness.js';

let h: Harness;
afterEach(() => h?.close());

describe('fan-out: one Co-op request per (group, owner) per interval', () => {
  it('five channels on one group with one owner cost one request per interval', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) await h.subscribe(id, basil);
    const relay = h.relay();
    for (let interval = 1; interval <= 4; interval++) {
      if (interval === 3) await h.as('basil@fawltytowers.com').postStatus(1, `news ${interval}`);
      await h.cycle(relay);
      expect(h.requests.count(STATUSES_PATH)).toBe(interval);
    }
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) {
      expect(h.sinks.get('shell')?.keysIn(h.channel(id))).toHaveLength(1);
    }
  });

  it('a second owner on the same group is a second poll key: two requests per interval', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const sybil = await h.link('sybil');
    for (const id of ['c1', 'c2', 'c3']) await h.subscribe(id, basil);
    await h.subscribe('c4', sybil);
    await h.subscribe('c5', sybil);
    const relay = h.relay();
    for (let interval = 1; interval <= 3; interval++) {
      await h.cycle(relay);
      expect(h.requests.count(STATUSES_PATH)).toBe(2 * interval);
    }
  });

  it('polls nothing before the interval has passed, and uses If-None-Match (304s)', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    await relay.pollDue();
    h.clock.advance(INTERVAL / 2);
    await relay.pollDue();
    expect(h.requests.count(STATUSES_PATH)).toBe(1);
    h.clock.advance(INTERVAL / 2);
    await relay.pollDue();
    expect(h.requests.count(STATUSES_PATH)).toBe(2);
    expect(h.requests.countAnswers(STATUSES_PATH, 304)).toBe(1);
  });
});
