import { describe, expect, it } from 'vitest';
import { DISCORD_DEV, GENERAL, postRow, RANDOM, seedFeed } from '../fixtures.js';
import type { ContractContext } from '../store-contract.js';

export function outboxContract(ctx: ContractContext): void {
  describe('outbox', () => {
    it('appends rows in order with ascending ids, pending, with a nonce', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      const rows = await store.appendOutbox([1, 2, 3].map((n) => postRow(subscription.id, GENERAL, n)));
      expect(rows.map((r) => r.statusId)).toEqual([1, 2, 3]);
      expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
      expect(new Set(rows.map((r) => r.id)).size).toBe(3);
      for (const row of rows) {
        expect(row).toMatchObject({
          state: 'pending',
          attempts: 0,
          channel: GENERAL,
          platformMessageId: null,
        });
        expect(row.nonce).toMatch(/^[\w-]{1,25}$/);
      }
      expect(new Set(rows.map((r) => r.nonce)).size).toBe(3);
      expect(rows[0]?.payload).toEqual({ type: 'Note', id: 1, text: 'status 1' });
      const [custom] = await store.appendOutbox([
        { ...postRow(subscription.id, GENERAL, 4), nonce: 'my-nonce' },
      ]);
      expect(custom?.nonce).toBe('my-nonce');
    });

    it('claims the oldest pending rows of one channel and marks them sending', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      const other = await seedFeed(store, RANDOM);
      await store.appendOutbox([
        postRow(subscription.id, GENERAL, 1),
        postRow(other.subscription.id, RANDOM, 100),
        postRow(subscription.id, GENERAL, 2),
        postRow(subscription.id, GENERAL, 3),
      ]);

      const first = await store.claimOutbox(GENERAL, 2);
      expect(first.map((r) => [r.statusId, r.state, r.attempts])).toEqual([
        [1, 'sending', 1],
        [2, 'sending', 1],
      ]);
      const second = await store.claimOutbox(GENERAL, 2);
      expect(second.map((r) => r.statusId)).toEqual([3]);
      expect(await store.claimOutbox(GENERAL, 2)).toEqual([]);
      expect(await store.claimOutbox(DISCORD_DEV, 2)).toEqual([]);
      expect(await store.claimOutbox(GENERAL, 0)).toEqual([]);
      expect(await store.listChannelsWithPendingOutbox()).toEqual([RANDOM]);
    });

    it('never gives the same row to two concurrent claims', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      await store.appendOutbox(
        Array.from({ length: 10 }, (_, i) => postRow(subscription.id, GENERAL, i + 1)),
      );
      const claims = await Promise.all([1, 2, 3, 4].map(() => store.claimOutbox(GENERAL, 4)));
      const ids = claims.flat().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      const rest = await store.claimOutbox(GENERAL, 100);
      expect(ids.length + rest.length).toBe(10);
    });

    it('lists channels with pending rows, the longest waiting first', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      const random = await seedFeed(store, RANDOM);
      const discord = await seedFeed(store, DISCORD_DEV);
      expect(await store.listChannelsWithPendingOutbox()).toEqual([]);
      await store.appendOutbox([
        postRow(random.subscription.id, RANDOM, 1),
        postRow(subscription.id, GENERAL, 2),
        postRow(random.subscription.id, RANDOM, 3),
        postRow(discord.subscription.id, DISCORD_DEV, 4),
      ]);
      expect(await store.listChannelsWithPendingOutbox()).toEqual([RANDOM, GENERAL, DISCORD_DEV]);
    });

    it('marks rows sent as one message, recording delivery and the feed’s last delivery', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      await store.appendOutbox([postRow(subscription.id, GENERAL, 1), postRow(subscription.id, GENERAL, 2)]);
      const claimed = await store.claimOutbox(GENERAL, 10);
      await store.markOutboxSent(
        claimed.map((r) => r.id),
        'msg-1',
      );
      expect(await store.listSendingOutbox()).toEqual([]);
      for (const id of [1, 2]) {
        expect(await store.findDelivered(subscription.id, { type: 'Note', id })).toMatchObject({
          subscriptionId: subscription.id,
          type: 'Note',
          id,
          platformMessageId: 'msg-1',
        });
      }
      expect(await store.findDelivered(subscription.id, { type: 'DayEntry', id: 1 })).toBeUndefined();
      expect((await store.getSubscription(subscription.id))?.lastDeliveryAt).toEqual(expect.any(Number));
    });

    it('forgets the delivered message once its deletion is sent', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      await store.recordDelivered({
        subscriptionId: subscription.id,
        type: 'Note',
        id: 9,
        platformMessageId: 'm9',
      });
      const [row] = await store.appendOutbox([{ ...postRow(subscription.id, GENERAL, 9), kind: 'delete' }]);
      await store.claimOutbox(GENERAL, 1);
      await store.markOutboxSent([row!.id], 'm9');
      expect(await store.findDelivered(subscription.id, { type: 'Note', id: 9 })).toBeUndefined();
    });

    it('records and overwrites delivered messages', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      const status = { type: 'DayEntry', id: 3 } as const;
      await store.recordDelivered({ subscriptionId: subscription.id, ...status, platformMessageId: 'a' });
      await store.recordDelivered({ subscriptionId: subscription.id, ...status, platformMessageId: 'b' });
      expect(await store.findDelivered(subscription.id, status)).toMatchObject({ platformMessageId: 'b' });
    });

    it('releases rows after a transient error and fails them for good after a permanent one', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      await store.appendOutbox([postRow(subscription.id, GENERAL, 1), postRow(subscription.id, GENERAL, 2)]);
      const [one, two] = await store.claimOutbox(GENERAL, 2);
      await store.releaseOutbox([one!.id, two!.id], 'rate limited');
      const retried = await store.claimOutbox(GENERAL, 1);
      expect(retried).toMatchObject([{ id: one!.id, attempts: 2, lastError: 'rate limited' }]);
      await store.markOutboxFailed([one!.id], 'channel_not_found');
      expect(await store.claimOutbox(GENERAL, 5)).toMatchObject([{ id: two!.id }]);
      expect(await store.listSendingOutbox()).toMatchObject([{ id: two!.id }]);
    });

    it('finds rows left sending by a crash after reopening', async ({ skip }) => {
      if (!ctx.harness().persistent) skip();
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      await store.appendOutbox([postRow(subscription.id, GENERAL, 1), postRow(subscription.id, GENERAL, 2)]);
      const [claimed] = await store.claimOutbox(GENERAL, 1);
      const reopened = await ctx.reopen();
      expect(await reopened.listSendingOutbox()).toEqual([claimed]);
      expect(await reopened.listChannelsWithPendingOutbox()).toEqual([GENERAL]);
    });

    it('prunes finished rows only', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      await store.appendOutbox([1, 2, 3, 4].map((n) => postRow(subscription.id, GENERAL, n)));
      const [a, b, c] = await store.claimOutbox(GENERAL, 3);
      await store.markOutboxSent([a!.id], 'm');
      await store.markOutboxFailed([b!.id], 'gone');
      const later = Date.now() + 60_000;
      expect(await store.pruneOutbox({ updatedBefore: later, limit: 1 })).toBe(1);
      expect(await store.pruneOutbox({ updatedBefore: later })).toBe(1);
      expect(await store.pruneOutbox({ updatedBefore: later })).toBe(0);
      expect(await store.listSendingOutbox()).toMatchObject([{ id: c!.id }]);
      expect(await store.claimOutbox(GENERAL, 5)).toMatchObject([{ statusId: 4 }]);
    });
  });
}
