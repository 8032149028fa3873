import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { pollKeyId } from '../../src/relay/channel-key.js';
import { PollSchedule } from '../../src/relay/poll-schedule.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

let store: Store | undefined;
afterEach(() => store?.close());

async function setUp(): Promise<{
  schedule: PollSchedule;
  key: { groupId: number; ownerAccountId: number };
}> {
  store = await openStore({ url: 'sqlite::memory:', logger: silentLogger(), env: {} });
  const account = await store.linkAccount({
    platform: 'shell',
    workspaceId: 'local',
    chatUserId: 'u',
    coopEmail: 'basil@fawltytowers.com',
    password: 'fawlty',
    coopUserId: null,
    displayName: null,
  });
  return {
    schedule: new PollSchedule(store, 30_000, 0.1, () => 0.5),
    key: { groupId: 1, ownerAccountId: account.id },
  };
}

describe('PollSchedule', () => {
  it('keeps a paused key out of polling until a fresh list shows it active again', async () => {
    const { schedule, key } = await setUp();
    await store?.upsertPollState(key, { lastPollAt: 1, nextPollAt: null, failureCount: 0 });
    await schedule.stateOf(key);
    schedule.pause(key);
    expect(schedule.peek(key)?.nextPollAt).toBe(Number.POSITIVE_INFINITY);
    // A list read while the key is paused does not have it: it stays out.
    schedule.refresh(new Set());
    schedule.pause(key);
    expect(schedule.peek(key)?.nextPollAt).toBe(Number.POSITIVE_INFINITY);
    // Resumed: the next fresh list has it, and its state comes from the store again, due at once.
    schedule.refresh(new Set([pollKeyId(key)]));
    expect(schedule.peek(key)).toBeUndefined();
    expect((await schedule.stateOf(key)).nextPollAt).toBe(0);
  });

  it('keeps the mean at one interval when a poll starts late, and restarts the rhythm when very late', async () => {
    const { schedule } = await setUp();
    expect(schedule.nextAfter(10_000, 10_050)).toBe(40_000);
    expect(schedule.nextAfter(10_000, 50_000)).toBe(80_000);
  });
});
