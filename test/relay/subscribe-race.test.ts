import { afterEach, describe, expect, it } from 'vitest';
import type { Status } from '../../src/coop/types.js';
import { diffWindow } from '../../src/relay/diff-window.js';
import { subscribedSince } from '../../src/relay/poll-key.js';

function note(id: number, epochMs: number): Status {
  const at = { epochMs, offsetMinutes: 0 };
  return {
    type: 'Note',
    id,
    text: `n${id}`,
    groupId: 1,
    createdAt: at,
    updatedAt: at,
    user: { id: 2, name: 'Sybil', email: 'sybil@x', avatarThumbUrl: null },
  };
}

describe('a baseline does not swallow what came after subscribe', () => {
  afterEach(() => undefined);

  it('delivers statuses created from the subscription on, records older ones silently', () => {
    const subscribedAt = Date.UTC(2026, 11, 4, 12, 0, 0, 700);
    const since = subscribedSince([{ createdAt: subscribedAt }, { createdAt: subscribedAt + 5000 }]);
    expect(since).toBe(Date.UTC(2026, 11, 4, 12, 0, 0));
    const old = note(1, Date.UTC(2026, 11, 4, 11, 59, 0));
    // Posted 200 ms after subscribe; Co-op shows it at the whole second, before the subscribe time.
    const sameSecond = note(2, Date.UTC(2026, 11, 4, 12, 0, 0));
    const later = note(3, Date.UTC(2026, 11, 4, 12, 0, 9));
    const diff = diffWindow({
      seen: [],
      statuses: [later, sameSecond, old],
      baseline: true,
      baselineNewSince: since,
    });
    expect(diff.fresh.map((s) => s.id)).toEqual([2, 3]);
    expect(diff.seenUpdates).toHaveLength(3);
  });

  it('without a start time a baseline still posts nothing', () => {
    const diff = diffWindow({ seen: [], statuses: [note(1, 1000)], baseline: true });
    expect(diff.fresh).toEqual([]);
  });
});
