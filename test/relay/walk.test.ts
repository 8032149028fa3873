import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, MINUTE, startHarness } from './relay-harness.js';

let h: Harness;
afterEach(() => h?.close());

const BASIL = 'basil@fawltytowers.com';
const DAY = 24 * 60 * MINUTE;
const DATE_ROUTE = /^GET \/groups\/1\/\d{8}/;

async function postMany(count: number, everyMs: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    keys.push(`Note:${await h.as(BASIL).postStatus(1, `status ${i}`)}`);
    h.clock.advance(everyMs);
  }
  return keys;
}

describe('more than 50 statuses between two polls: the date-route walk', () => {
  it('delivers 120 statuses posted between two polls, each once, oldest first', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    await h.subscribe('c2', basil, { filter: 'notes' });
    const relay = h.relay();
    await h.cycle(relay);
    const keys = await postMany(120, 20_000);
    await h.cycle(relay);
    const sink = h.sinks.get('shell');
    expect(sink?.keysIn(h.channel('c1'))).toEqual(keys);
    expect(sink?.keysIn(h.channel('c2'))).toEqual(keys);
    expect(h.requests.count(DATE_ROUTE)).toBe(1);
    await h.cycle(relay);
    expect(sink?.keysIn(h.channel('c1'))).toHaveLength(120);
  });

  it('walks the days of the group’s zone: a gap across midnight in London (BST) loses nothing', async () => {
    // 22:30 UTC on 14 July is 23:30 in London; the 120 statuses run past London's midnight
    // (23:00 UTC), and more than 50 of them fall on London's 15 July.
    h = await startHarness({ start: Date.UTC(2026, 6, 14, 22, 30) });
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    await relay.pollDue();
    h.clock.set(Date.UTC(2026, 6, 14, 22, 40));
    const keys = await postMany(120, 30_000);
    h.clock.set(Date.UTC(2026, 6, 14, 23, 45));
    await relay.pollDue();
    await relay.drain();
    expect(h.sinks.get('shell')?.keysIn(h.channel('c1'))).toEqual(keys);
    const days = h.requests.paths.filter((p) => DATE_ROUTE.test(p)).map((p) => p.slice(-8));
    expect(days).toEqual(['20260715', '20260714']);
  });

  it('caps the walk at walkCapDays and tells the channel once what it skipped', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    const start = h.clock.now();
    await relay.pollDue();
    h.clock.set(start + 3 * DAY);
    const skipped = await postMany(5, MINUTE);
    h.clock.set(start + 19 * DAY);
    const kept = await postMany(60, MINUTE);
    h.clock.set(start + 20 * DAY);
    await relay.pollDue();
    await relay.drain();
    const sink = h.sinks.get('shell');
    expect(sink?.keysIn(h.channel('c1'))).toEqual(kept);
    expect(sink?.keysIn(h.channel('c1'))).not.toContain(skipped[0]);
    expect(h.requests.count(DATE_ROUTE)).toBe(14);
    expect(sink?.noticesIn(h.channel('c1'))).toEqual([
      'The Co-op feed of Fawlty Towers was away too long: statuses from 2026-01-20 and earlier were skipped. Newer ones follow.',
    ]);
  });

  it('does not take statuses sliding out of a full window for deletions', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const first = await postMany(40, 1000);
    await h.cycle(relay);
    // The oldest of these now leave the 50-item window, and one is deleted out there: unknowable.
    await postMany(30, 1000);
    await h.cycle(relay);
    await h.as(BASIL).deleteStatus(Number(first[0]?.slice(5)));
    await h.cycle(relay);
    await h.cycle(relay);
    expect(h.sinks.get('shell')?.removals).toHaveLength(0);
    expect(h.sinks.get('shell')?.sends).toHaveLength(70);
  });
});
