import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { StoreError } from '../../src/store/store-error.js';
import { accountContract } from './contract/account-contract.js';
import { channelContract } from './contract/channel-contract.js';
import { leaseContract } from './contract/lease-contract.js';
import { outboxContract } from './contract/outbox-contract.js';
import { pollContract } from './contract/poll-contract.js';
import { subscriptionContract } from './contract/subscription-contract.js';
import { transactionContract } from './contract/transaction-contract.js';
import { ADA } from './fixtures.js';

/** One database for one test; `open` may be called again after `close` to reopen it. */
export interface StoreHarness {
  open(options?: { secret?: string }): Promise<Store>;
  /** False for databases that vanish on close (SQLite :memory:): reopen tests are skipped. */
  readonly persistent: boolean;
  cleanup(): Promise<void>;
}

/** What the per-table contract files get: the store under test, and a way to reopen it. */
export interface ContractContext {
  store(): Store;
  /** Closes the current store and opens the same database again. */
  reopen(options?: { secret?: string }): Promise<Store>;
  /** Closes the current store, leaving none open. */
  close(): Promise<void>;
  harness(): StoreHarness;
}

export const CONTRACT_SECRET = 'contract-suite-secret';

/**
 * The behaviour every Store implementation must show. Each back end calls this with a factory
 * that gives a fresh, empty database per test.
 */
export function describeStoreContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let current: Store | undefined;

    const ctx: ContractContext = {
      store: () => {
        if (!current) throw new Error('no open store');
        return current;
      },
      reopen: async (options) => {
        await ctx.close();
        current = await harness.open(options ?? { secret: CONTRACT_SECRET });
        return current;
      },
      close: async () => {
        const open = current;
        current = undefined;
        await open?.close();
      },
      harness: () => harness,
    };

    beforeEach(async () => {
      harness = await makeHarness();
      current = await harness.open({ secret: CONTRACT_SECRET });
    });

    afterEach(async () => {
      await ctx.close();
      await harness.cleanup();
    });

    describe('opening', () => {
      it('reopens an up-to-date database without migrating again, keeping the data', async ({ skip }) => {
        if (!harness.persistent) skip();
        const account = await ctx.store().linkAccount(ADA);
        await ctx.reopen();
        const again = await ctx.reopen();
        expect(await again.getAccount(account.id)).toMatchObject({
          coopEmail: ADA.coopEmail,
          password: ADA.password,
        });
      });

      it('refuses a different COOP_BRIDGE_SECRET with secret_mismatch', async ({ skip }) => {
        if (!harness.persistent) skip();
        await ctx.store().linkAccount(ADA);
        await ctx.close();
        const opening = harness.open({ secret: 'some-other-secret' });
        await expect(opening).rejects.toBeInstanceOf(StoreError);
        await expect(opening).rejects.toMatchObject({
          code: 'secret_mismatch',
          message: expect.stringContaining('COOP_BRIDGE_SECRET'),
        });
        // The right secret still works afterwards.
        const store = await ctx.reopen();
        expect((await store.getAccountByChatUser(ADA))?.password).toBe(ADA.password);
      });
    });

    accountContract(ctx);
    channelContract(ctx);
    subscriptionContract(ctx);
    pollContract(ctx);
    outboxContract(ctx);
    leaseContract(ctx);
    transactionContract(ctx);
  });
}
