import { describe, expect, it } from 'vitest';
import { DISCORD_DEV, GENERAL } from '../fixtures.js';
import type { ContractContext } from '../store-contract.js';

export function channelContract(ctx: ContractContext): void {
  describe('channels', () => {
    it('knows no channel until something is set', async () => {
      expect(await ctx.store().getChannel(GENERAL)).toBeUndefined();
    });

    it('sets the group and the Cobot key independently', async () => {
      const store = ctx.store();
      expect(await store.setChannelGroup(GENERAL, 42)).toMatchObject({
        ...GENERAL,
        groupId: 42,
        cobotKey: null,
      });
      expect(await store.setChannelCobotKey(GENERAL, 'cobot-s3cret')).toMatchObject({
        groupId: 42,
        cobotKey: 'cobot-s3cret',
      });
      expect(await store.setChannelGroup(GENERAL, 43)).toMatchObject({
        groupId: 43,
        cobotKey: 'cobot-s3cret',
      });
      expect(await store.getChannel(GENERAL)).toMatchObject({ groupId: 43, cobotKey: 'cobot-s3cret' });
      expect(await store.getChannel(DISCORD_DEV)).toBeUndefined();
    });

    it('clears the group and the key with null', async () => {
      const store = ctx.store();
      await store.setChannelCobotKey(GENERAL, 'k');
      await store.setChannelGroup(GENERAL, 1);
      await store.setChannelCobotKey(GENERAL, null);
      const cleared = await store.setChannelGroup(GENERAL, null);
      expect(cleared).toMatchObject({ groupId: null, cobotKey: null });
    });
  });
}
