import { describe, expect, it } from 'vitest';
import { DISCORD_DEV, GENERAL, postRow, RANDOM, seedFeed } from '../fixtures.js';
import type { ContractContext } from '../store-contract.js';

export function subscriptionContract(ctx: ContractContext): void {
  describe('subscriptions', () => {
    it('creates an active feed and lists it by channel, owner and state', async () => {
      const store = ctx.store();
      const { owner, subscription } = await seedFeed(store, GENERAL);
      expect(subscription).toMatchObject({
        channel: GENERAL,
        groupId: 42,
        filter: 'all',
        ownerAccountId: owner.id,
        state: 'active',
        stateReason: null,
        consecutiveFailures: 0,
        lastDeliveryAt: null,
      });
      const other = await store.createSubscription({
        channel: RANDOM,
        groupId: 43,
        filter: 'notes,cobot,user:a@b.c',
        ownerAccountId: owner.id,
      });
      expect(await store.getSubscription(subscription.id)).toEqual(subscription);
      expect(await store.listSubscriptionsByChannel(GENERAL)).toEqual([subscription]);
      expect(await store.listSubscriptionsByChannel(DISCORD_DEV)).toEqual([]);
      expect((await store.listActiveSubscriptions()).map((s) => s.id)).toEqual([subscription.id, other.id]);
      expect((await store.listSubscriptionsByOwner(owner.id)).map((s) => s.id)).toEqual([
        subscription.id,
        other.id,
      ]);
    });

    it('goes active → paused → active → ended, and ended is final', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      const { id } = subscription;
      await store.updateSubscription(id, { consecutiveFailures: 5 });

      expect(await store.pauseSubscription(id, 'Co-op login failed 5 times')).toMatchObject({
        state: 'paused',
        stateReason: 'Co-op login failed 5 times',
        consecutiveFailures: 5,
      });
      expect(await store.listActiveSubscriptions()).toEqual([]);
      expect(await store.listSubscriptionsByChannel(GENERAL)).toHaveLength(1);

      expect(await store.resumeSubscription(id)).toMatchObject({
        state: 'active',
        stateReason: null,
        consecutiveFailures: 0,
      });

      expect(await store.endSubscription(id, 'channel_not_found')).toMatchObject({
        state: 'ended',
        stateReason: 'channel_not_found',
      });
      expect(await store.pauseSubscription(id, 'late failure')).toMatchObject({ state: 'ended' });
      expect(await store.resumeSubscription(id)).toMatchObject({ state: 'ended' });
      expect(await store.endSubscription(id, 'again')).toMatchObject({ stateReason: 'channel_not_found' });
      expect(await store.listSubscriptionsByChannel(GENERAL)).toEqual([]);
      expect(await store.listSubscriptionsByChannel(GENERAL, { includeEnded: true })).toHaveLength(1);
    });

    it('does not resume an active feed or reset its counters', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      await store.updateSubscription(subscription.id, { consecutiveFailures: 2 });
      expect(await store.resumeSubscription(subscription.id)).toMatchObject({
        state: 'active',
        consecutiveFailures: 2,
      });
    });

    it('updates only the given fields', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      const updated = await store.updateSubscription(subscription.id, {
        lastDeliveryAt: 1234,
        consecutiveFailures: 1,
      });
      expect(updated).toMatchObject({
        lastDeliveryAt: 1234,
        consecutiveFailures: 1,
        state: 'active',
        filter: 'all',
      });
    });

    it('answers undefined for an unknown id', async () => {
      const store = ctx.store();
      expect(await store.getSubscription(404)).toBeUndefined();
      expect(await store.pauseSubscription(404, 'x')).toBeUndefined();
      expect(await store.resumeSubscription(404)).toBeUndefined();
      expect(await store.endSubscription(404, 'x')).toBeUndefined();
      expect(await store.updateSubscription(404, { consecutiveFailures: 1 })).toBeUndefined();
      expect(await store.deleteSubscription(404)).toBe(false);
    });

    it('deletes a feed with its outbox rows and delivered messages', async () => {
      const store = ctx.store();
      const { subscription } = await seedFeed(store);
      const keep = await seedFeed(store, RANDOM);
      const [sent] = await store.appendOutbox([postRow(subscription.id, GENERAL, 1)]);
      await store.appendOutbox([
        postRow(subscription.id, GENERAL, 2),
        postRow(keep.subscription.id, RANDOM, 3),
      ]);
      await store.markOutboxSent([sent!.id], 'ts-1');

      expect(await store.deleteSubscription(subscription.id)).toBe(true);

      expect(await store.getSubscription(subscription.id)).toBeUndefined();
      expect(await store.findDelivered(subscription.id, { type: 'Note', id: 1 })).toBeUndefined();
      expect(await store.listChannelsWithPendingOutbox()).toEqual([RANDOM]);
      expect(await store.claimOutbox(GENERAL, 10)).toEqual([]);
    });
  });
}
