import type { Account, Store } from '../store/store.js';

const TTL_MS = 5 * 60_000;

/**
 * Feed owners' accounts (their Co-op login), kept for a few minutes so a quiet poll reads nothing
 * from the store. A login that fails is re-read before anyone is told (`fresh`): the owner may have
 * logged in again with a new password a moment ago.
 */
export class OwnerAccounts {
  private readonly cache = new Map<number, { account: Account; at: number }>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async get(id: number): Promise<Account | undefined> {
    const hit = this.cache.get(id);
    if (hit && this.now() - hit.at < TTL_MS) return hit.account;
    return this.fresh(id);
  }

  /** A paused owner's feeds resume after a new login: read it then, not from here. */
  forget(id: number): void {
    this.cache.delete(id);
  }

  async fresh(id: number): Promise<Account | undefined> {
    const account = await this.store.getAccount(id);
    if (account) this.cache.set(id, { account, at: this.now() });
    else this.cache.delete(id);
    return account;
  }
}
