import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, MINUTE, startHarness } from './relay-harness.js';

let h: Harness;
afterEach(() => h?.close());

const DAY = 24 * 60 * MINUTE;

describe('retention', () => {
  it('keeps the seen set bounded and prunes finished outbox rows, delivering each status once', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay({
      seenRetention: { maxAgeMs: 16 * DAY, keepNewest: 60 },
      maintenanceEveryMs: DAY,
    });
    await h.cycle(relay);
    const basilId = h.coop.db.users.byEmail('basil@fawltytowers.com')?.id ?? 0;
    const sizes: number[] = [];
    for (let day = 0; day < 30; day++) {
      for (let i = 0; i < 40; i++) {
        h.coop.db.notes.insert({
          groupId: 1,
          userId: basilId,
          text: `day ${day} #${i}`,
          createdAt: h.clock.now(),
        });
        h.clock.advance(MINUTE);
      }
      h.clock.advance(DAY - 40 * MINUTE);
      await h.cycle(relay);
      sizes.push((await h.store.loadSeen({ groupId: 1, ownerAccountId: basil.id })).length);
    }
    expect(h.sinks.get('shell')?.sends).toHaveLength(1200);
    expect(new Set(h.sinks.get('shell')?.keysIn(h.channel('c1'))).size).toBe(1200);
    // 16 days of 40 a day, and no more however long it runs.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(17 * 40);
    expect(sizes.slice(-10).every((size) => size === sizes.at(-1))).toBe(true);
    const pruned = h.log.withMessage('pruned relay state');
    expect(pruned.some((line) => Number(line.outbox) > 0)).toBe(true);
    expect(pruned.some((line) => Number(line.seen) > 0)).toBe(true);
  });
});
