import { describe, expect, it } from 'vitest';
import type { SeenEntry } from '../../../src/store/store.js';
import { DAY, seedFeed } from '../fixtures.js';
import type { ContractContext } from '../store-contract.js';

export function pollContract(ctx: ContractContext): void {
  describe('poll state', () => {
    it('creates on first upsert and changes only the given fields after', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      expect(await store.getPollState(key)).toBeUndefined();
      expect(await store.upsertPollState(key, { etag: '"v1"', lastPollAt: 1000 })).toEqual({
        ...key,
        etag: '"v1"',
        lastPollAt: 1000,
        nextPollAt: null,
        failureCount: 0,
        backoffUntil: null,
      });
      await store.upsertPollState(key, { failureCount: 3, backoffUntil: 9000, nextPollAt: 9000 });
      expect(await store.getPollState(key)).toMatchObject({
        etag: '"v1"',
        lastPollAt: 1000,
        failureCount: 3,
      });
      expect(await store.upsertPollState(key, {})).toMatchObject({ etag: '"v1"', backoffUntil: 9000 });
      expect(await store.upsertPollState(key, { etag: null })).toMatchObject({ etag: null, failureCount: 3 });
      expect(await store.getPollState({ ...key, groupId: 999 })).toBeUndefined();
    });

    it('keeps epoch milliseconds exact', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      const far = Date.UTC(2199, 11, 31, 23, 59, 59, 999);
      expect(await store.upsertPollState(key, { nextPollAt: far })).toMatchObject({ nextPollAt: far });
    });
  });

  describe('seen statuses', () => {
    it('records statuses by (type, id): a Note and a DayEntry may share an id', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      await store.markSeen(key, [
        { type: 'Note', id: 5, digest: 'n5', createdAt: 100 },
        { type: 'DayEntry', id: 5, digest: 'd5', createdAt: 200 },
      ]);
      const seen = await store.loadSeen(key);
      expect(seen.map((s) => [s.type, s.id, s.digest, s.createdAt])).toEqual([
        ['Note', 5, 'n5', 100],
        ['DayEntry', 5, 'd5', 200],
      ]);
      expect(await store.loadSeen({ ...key, groupId: 7 })).toEqual([]);
    });

    it('marks hundreds at once, a repeated status counting once with its last digest', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      const entries: SeenEntry[] = Array.from({ length: 450 }, (_, i) => ({
        type: i % 2 === 0 ? 'Note' : 'DayEntry',
        id: i,
        digest: `d${i}`,
        createdAt: i,
      }));
      await store.markSeen(key, [...entries, { type: 'Note', id: 0, digest: 'last', createdAt: 0 }]);
      const seen = await store.loadSeen(key);
      expect(seen).toHaveLength(450);
      expect(seen[0]).toMatchObject({ type: 'Note', id: 0, digest: 'last' });
      await store.markSeen(key, []);
    });

    it('updates the digest of a known status and keeps its first-seen time', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      await store.markSeen(key, [{ type: 'DayEntry', id: 1, digest: 'before', createdAt: 100 }]);
      const [first] = await store.loadSeen(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.markSeen(key, [{ type: 'DayEntry', id: 1, digest: 'after', createdAt: 100 }]);
      const [again] = await store.loadSeen(key);
      expect(again).toEqual({ ...first, digest: 'after' });
    });

    it('prunes old statuses, sparing the newest K and at most `limit` per call', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      const now = Date.UTC(2024, 5, 30);
      // Ten statuses, created 1..10 days ago.
      const entries: SeenEntry[] = Array.from({ length: 10 }, (_, i) => ({
        type: 'Note',
        id: i + 1,
        digest: `d${i + 1}`,
        createdAt: now - (10 - i) * DAY,
      }));
      await store.markSeen(key, entries);
      const idsLeft = async () => (await store.loadSeen(key)).map((s) => s.id);

      // Older than 5 days are ids 1..5 (10..6 days old); keepNewest 8 spares ids 3..10.
      expect(await store.pruneSeen(key, { createdBefore: now - 5 * DAY, keepNewest: 8 })).toBe(2);
      expect(await idsLeft()).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);

      expect(await store.pruneSeen(key, { createdBefore: now - 5 * DAY, keepNewest: 2, limit: 2 })).toBe(2);
      expect(await idsLeft()).toEqual([5, 6, 7, 8, 9, 10]);
      expect(await store.pruneSeen(key, { createdBefore: now - 5 * DAY, keepNewest: 2 })).toBe(1);
      expect(await idsLeft()).toEqual([6, 7, 8, 9, 10]);

      // Everything is old now, but the newest K stay whatever their age.
      expect(await store.pruneSeen(key, { createdBefore: now, keepNewest: 3 })).toBe(2);
      expect(await idsLeft()).toEqual([8, 9, 10]);
      expect(await store.pruneSeen(key, { createdBefore: now, keepNewest: 3 })).toBe(0);
      expect(await store.pruneSeen(key, { createdBefore: now, keepNewest: 0 })).toBe(3);
    });

    it('prunes one poll key without touching another', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      const other = { ...key, groupId: 43 };
      const entry: SeenEntry = { type: 'Note', id: 1, digest: 'x', createdAt: 1 };
      await store.markSeen(key, [entry]);
      await store.markSeen(other, [entry]);
      expect(await store.pruneSeen(key, { createdBefore: 10, keepNewest: 0 })).toBe(1);
      expect(await store.loadSeen(other)).toHaveLength(1);
    });
  });
}
