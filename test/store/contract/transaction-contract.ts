import { describe, expect, it } from 'vitest';
import { ADA, GENERAL, postRow, seedFeed } from '../fixtures.js';
import type { ContractContext } from '../store-contract.js';

export function transactionContract(ctx: ContractContext): void {
  describe('transactions', () => {
    it('commits "mark seen + outbox rows + ETag" together', async () => {
      const store = ctx.store();
      const { subscription, key } = await seedFeed(store);
      const result = await store.transaction(async (tx) => {
        await tx.markSeen(key, [{ type: 'Note', id: 1, digest: 'd', createdAt: 1 }]);
        await tx.appendOutbox([postRow(subscription.id, GENERAL, 1)]);
        await tx.upsertPollState(key, { etag: '"e1"' });
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.loadSeen(key)).toHaveLength(1);
      expect(await store.listChannelsWithPendingOutbox()).toEqual([GENERAL]);
      expect(await store.getPollState(key)).toMatchObject({ etag: '"e1"' });
    });

    it('writes nothing when the callback throws', async () => {
      const store = ctx.store();
      const { subscription, key } = await seedFeed(store);
      const failing = store.transaction(async (tx) => {
        await tx.markSeen(key, [{ type: 'Note', id: 1, digest: 'd', createdAt: 1 }]);
        await tx.appendOutbox([postRow(subscription.id, GENERAL, 1)]);
        await tx.upsertPollState(key, { etag: '"e1"' });
        await tx.setChannelCobotKey(GENERAL, 'k');
        // Inside, the writes are visible to the transaction itself.
        expect(await tx.loadSeen(key)).toHaveLength(1);
        await tx.unlinkAccount(ADA);
        throw new Error('poll interrupted');
      });
      await expect(failing).rejects.toThrow('poll interrupted');
      expect(await store.loadSeen(key)).toEqual([]);
      expect(await store.listChannelsWithPendingOutbox()).toEqual([]);
      expect(await store.getPollState(key)).toBeUndefined();
      expect(await store.getChannel(GENERAL)).toBeUndefined();
      expect(await store.getAccountByChatUser(ADA)).toBeDefined();
      expect(await store.getSubscription(subscription.id)).toMatchObject({ state: 'active' });
    });

    it('joins the outer transaction when a transaction is nested', async () => {
      const store = ctx.store();
      const { key } = await seedFeed(store);
      const failing = store.transaction(async (tx) => {
        await tx.transaction(async (inner) => {
          await inner.upsertPollState(key, { etag: '"inner"' });
        });
        throw new Error('outer fails');
      });
      await expect(failing).rejects.toThrow('outer fails');
      expect(await store.getPollState(key)).toBeUndefined();
    });

    it('rolls back a multi-row append that fails part way', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      const broken = store.appendOutbox([
        postRow(subscription.id, GENERAL, 1),
        { ...postRow(subscription.id, GENERAL, 2), subscriptionId: 999_999 },
      ]);
      await expect(broken).rejects.toThrow();
      expect(await store.listChannelsWithPendingOutbox()).toEqual([]);
    });
  });
}
