import { describe, expect, it } from 'vitest';
import { ADA, BOB, GENERAL, seedFeed } from '../fixtures.js';
import type { ContractContext } from '../store-contract.js';

export function accountContract(ctx: ContractContext): void {
  describe('accounts', () => {
    it('links an account and finds it by chat user and by id, password decrypted', async () => {
      const store = ctx.store();
      const linked = await store.linkAccount(ADA);
      expect(linked).toMatchObject({ ...ADA, id: expect.any(Number) });
      expect(await store.getAccountByChatUser(ADA)).toEqual(linked);
      expect(await store.getAccount(linked.id)).toEqual(linked);
      const bob = await store.linkAccount(BOB);
      expect(bob.id).not.toBe(linked.id);
      expect(await store.getAccountByChatUser(BOB)).toMatchObject({ coopUserId: null, displayName: null });
    });

    it('keeps users apart by platform and workspace', async () => {
      const store = ctx.store();
      await store.linkAccount(ADA);
      expect(await store.getAccountByChatUser({ ...ADA, workspaceId: 'T99' })).toBeUndefined();
      expect(await store.getAccountByChatUser({ ...ADA, platform: 'discord' })).toBeUndefined();
      expect(await store.getAccount(999_999)).toBeUndefined();
    });

    it('relinks in place: same id, new login', async () => {
      const store = ctx.store();
      const first = await store.linkAccount(ADA);
      const again = await store.linkAccount({ ...ADA, coopEmail: 'ada@new.example', password: 'n3w-pass' });
      expect(again.id).toBe(first.id);
      expect(again.createdAt).toBe(first.createdAt);
      expect(await store.getAccount(first.id)).toMatchObject({
        coopEmail: 'ada@new.example',
        password: 'n3w-pass',
      });
    });

    it('unlinks: true once, false after, and a later link is a new account', async () => {
      const store = ctx.store();
      const first = await store.linkAccount(ADA);
      expect(await store.unlinkAccount(ADA)).toBe(true);
      expect(await store.unlinkAccount(ADA)).toBe(false);
      expect(await store.getAccountByChatUser(ADA)).toBeUndefined();
      expect(await store.getAccount(first.id)).toBeUndefined();
      const relinked = await store.linkAccount(ADA);
      expect(relinked.id).not.toBe(first.id);
      expect(relinked.password).toBe(ADA.password);
    });

    it("pauses the owner's feeds on unlink and drops their poll state and seen set", async () => {
      const store = ctx.store();
      const { owner, subscription, key } = await seedFeed(store, GENERAL);
      await store.upsertPollState(key, { etag: '"abc"' });
      await store.markSeen(key, [{ type: 'Note', id: 1, digest: 'd1', createdAt: 1 }]);
      expect(await store.listSubscriptionsByOwner(owner.id)).toHaveLength(1);

      await store.unlinkAccount(ADA);

      expect(await store.getSubscription(subscription.id)).toMatchObject({
        state: 'paused',
        stateReason: 'owner_unlinked',
        ownerAccountId: null,
      });
      expect(await store.getPollState(key)).toBeUndefined();
      expect(await store.loadSeen(key)).toEqual([]);
      expect(await store.listActiveSubscriptions()).toEqual([]);
    });
  });
}
