import { describe, expect, it } from 'vitest';
import type { PollKey, Store } from '../../../src/store/store.js';
import { DISCORD_DEV, GENERAL, postRow, RANDOM, seedFeed } from '../fixtures.js';
import type { ContractContext } from '../store-contract.js';

const T = 1_000_000;
const TTL = 60_000;
const lease = (owner: string, now = T) => ({ owner, now, until: now + TTL });

export function leaseContract(ctx: ContractContext): void {
  /** Two "processes": a second store on the same database where the back end allows it. */
  async function twoStores(): Promise<{ a: Store; b: Store; done: () => Promise<void> }> {
    const a = ctx.store();
    if (!ctx.harness().persistent) return { a, b: a, done: async () => {} };
    const b = await ctx.harness().open({ secret: 'contract-suite-secret' });
    return { a, b, done: () => b.close() };
  }

  describe('poll leases', () => {
    it('of two instances racing for each key, exactly one wins; the loser learns until when', async () => {
      const { a, b, done } = await twoStores();
      try {
        const { owner } = await seedFeed(a);
        const keys: PollKey[] = Array.from({ length: 8 }, (_, i) => ({
          groupId: 100 + i,
          ownerAccountId: owner.id,
        }));
        const results = await Promise.all(
          keys.flatMap((key) => [a.acquirePollLease(key, lease('A')), b.acquirePollLease(key, lease('B'))]),
        );
        for (let i = 0; i < keys.length; i++) {
          const pair = [results[2 * i], results[2 * i + 1]];
          expect(pair.filter((r) => r?.acquired)).toHaveLength(1);
          expect(pair.find((r) => !r?.acquired)).toEqual({ acquired: false, retryAt: T + TTL });
        }
      } finally {
        await done();
      }
    });

    it('gives the stored state; the commit writes the schedule and frees the lease', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      await store.upsertPollState(key, { etag: '"v1"', lastPollAt: T - 30_000, nextPollAt: T });
      const got = await store.acquirePollLease(key, lease('A'));
      expect(got).toEqual({
        acquired: true,
        state: expect.objectContaining({ etag: '"v1"', lastPollAt: T - 30_000, nextPollAt: T }),
      });
      expect(
        await store.commitPollLease(key, 'A', { etag: '"v2"', lastPollAt: T, nextPollAt: T + 30_000 }),
      ).toBe(true);
      expect(await store.getPollState(key)).toMatchObject({ etag: '"v2"', nextPollAt: T + 30_000 });
      // Free, but not due: nobody polls before the next interval, then anybody may.
      expect(await store.acquirePollLease(key, lease('B', T + 1))).toEqual({
        acquired: false,
        retryAt: T + 30_000,
      });
      expect((await store.acquirePollLease(key, lease('B', T + 30_000))).acquired).toBe(true);
    });

    it('is not given while the key backs off', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      await store.upsertPollState(key, { backoffUntil: T + 5_000, nextPollAt: T - 1 });
      expect(await store.acquirePollLease(key, lease('A'))).toEqual({ acquired: false, retryAt: T + 5_000 });
    });

    it('expires: another instance takes over, and the old holder can no longer commit', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      expect((await store.acquirePollLease(key, lease('A'))).acquired).toBe(true);
      expect((await store.acquirePollLease(key, lease('B', T + TTL - 1))).acquired).toBe(false);
      expect((await store.acquirePollLease(key, lease('B', T + TTL))).acquired).toBe(true);
      expect(await store.commitPollLease(key, 'A', { etag: '"stale"' })).toBe(false);
      expect((await store.getPollState(key))?.etag).toBeNull();
      expect(await store.commitPollLease(key, 'B', { etag: '"fresh"' })).toBe(true);
      expect((await store.getPollState(key))?.etag).toBe('"fresh"');
    });

    it('is taken back at once by the same instance id (a restart)', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      expect((await store.acquirePollLease(key, lease('A'))).acquired).toBe(true);
      expect((await store.acquirePollLease(key, lease('A', T + 1))).acquired).toBe(true);
    });
  });

  describe('channel leases', () => {
    it('of two instances racing for each channel, exactly one wins', async () => {
      const { a, b, done } = await twoStores();
      try {
        const channels = [GENERAL, RANDOM, DISCORD_DEV];
        const results = await Promise.all(
          channels.flatMap((channel) => [
            a.acquireChannelLease(channel, lease('A')),
            b.acquireChannelLease(channel, lease('B')),
          ]),
        );
        for (let i = 0; i < channels.length; i++) {
          expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
        }
      } finally {
        await done();
      }
    });

    it('is extended by its holder, taken over after expiry, and freed by release', async () => {
      const store = ctx.store();
      expect(await store.acquireChannelLease(GENERAL, lease('A'))).toBe(true);
      expect(await store.acquireChannelLease(GENERAL, lease('A', T + 30_000))).toBe(true);
      expect(await store.acquireChannelLease(GENERAL, lease('B', T + TTL))).toBe(false);
      expect(await store.acquireChannelLease(GENERAL, lease('B', T + 30_000 + TTL))).toBe(true);
      await store.releaseChannelLease(GENERAL, 'A');
      expect(await store.acquireChannelLease(GENERAL, lease('C', T + 30_000 + TTL))).toBe(false);
      await store.releaseChannelLease(GENERAL, 'B');
      expect(await store.acquireChannelLease(GENERAL, lease('C', T + 30_000 + TTL))).toBe(true);
    });

    it('releaseLeases frees every poll and channel lease of one instance', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      await store.acquirePollLease(key, lease('A'));
      await store.acquireChannelLease(GENERAL, lease('A'));
      await store.acquireChannelLease(RANDOM, lease('B'));
      await store.releaseLeases('A');
      expect((await store.acquirePollLease(key, lease('C'))).acquired).toBe(true);
      expect(await store.acquireChannelLease(GENERAL, lease('C'))).toBe(true);
      expect(await store.acquireChannelLease(RANDOM, lease('C'))).toBe(false);
    });
  });

  describe('rows in doubt', () => {
    it('records the claimer; a channel is in doubt only when no other live lease covers it', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      const other = await seedFeed(store, RANDOM);
      await store.appendOutbox([
        postRow(subscription.id, GENERAL, 1),
        postRow(other.subscription.id, RANDOM, 2),
      ]);
      await store.acquireChannelLease(GENERAL, lease('A'));
      const [claimed] = await store.claimOutbox(GENERAL, 5, 'A');
      expect(claimed).toMatchObject({ state: 'sending', claimedBy: 'A' });
      await store.claimOutbox(RANDOM, 5);
      expect((await store.listSendingOutbox(GENERAL)).map((r) => r.statusId)).toEqual([1]);
      expect((await store.listSendingOutbox()).map((r) => r.statusId)).toEqual([1, 2]);
      // A lives: only RANDOM (claimed without a lease) is in doubt for B; A's own restart sees both.
      expect(await store.listInDoubtChannels('B', T + 1)).toEqual([RANDOM]);
      expect(sortChannels(await store.listInDoubtChannels('A', T + 1))).toEqual(
        sortChannels([GENERAL, RANDOM]),
      );
      // A's lease expires: its rows are in doubt for everyone.
      expect(sortChannels(await store.listInDoubtChannels('B', T + TTL))).toEqual(
        sortChannels([GENERAL, RANDOM]),
      );
    });
  });
}

function sortChannels<T extends { channelId: string }>(channels: T[]): T[] {
  return [...channels].sort((x, y) => x.channelId.localeCompare(y.channelId));
}
