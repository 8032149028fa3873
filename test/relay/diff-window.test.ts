import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayEntry, Note, Status } from '../../src/coop/types.js';
import { diffWindow } from '../../src/relay/diff-window.js';
import { DELETED_DIGEST, statusDigest } from '../../src/relay/status-digest.js';
import type { SeenStatus } from '../../src/store/store.js';

const author = { id: 1, name: 'Basil', email: 'basil@fawltytowers.com', avatarThumbUrl: null };

function note(id: number, at: number, text = `note ${id}`): Note {
  return {
    type: 'Note',
    id,
    text,
    groupId: 1,
    createdAt: { epochMs: at, offsetMinutes: 0 },
    updatedAt: null,
    user: author,
  };
}

function entry(id: number, at: number, hours = 1): DayEntry {
  return {
    ...note(id, at, `entry ${id}`),
    type: 'DayEntry',
    hours,
    client: null,
    project: 'Hotel',
    task: 'Fixing',
    spentAt: null,
    timerStartedAt: null,
  };
}

function seenOf(...statuses: Status[]): SeenStatus[] {
  return statuses.map((s) => ({
    type: s.type,
    id: s.id,
    digest: statusDigest(s),
    createdAt: s.createdAt.epochMs,
    firstSeenAt: 0,
  }));
}

const keys = (statuses: readonly { type: string; id: number }[]) => statuses.map((s) => `${s.type}:${s.id}`);

describe('diffWindow', () => {
  it('tells a Note from a DayEntry with the same id', () => {
    const diff = diffWindow({
      seen: seenOf(note(7, 100)),
      statuses: [entry(7, 200), note(7, 100)],
      baseline: false,
    });
    expect(keys(diff.fresh)).toEqual(['DayEntry:7']);
  });

  it('records everything and delivers nothing on a baseline', () => {
    const diff = diffWindow({ seen: [], statuses: [note(1, 1), note(2, 2)], baseline: true });
    expect(diff.fresh).toEqual([]);
    expect(diff.seenUpdates).toHaveLength(2);
  });

  it('on a baseline, buries statuses that went while nobody listened, without removing anything', () => {
    const seen = seenOf(note(1, 100), note(2, 200));
    const diff = diffWindow({
      seen,
      statuses: [note(2, 200)],
      completeAnswer: [note(2, 200)],
      baseline: true,
    });
    expect(diff.deleted).toEqual([]);
    expect(diff.seenUpdates).toEqual([expect.objectContaining({ id: 1, digest: DELETED_DIGEST })]);
  });

  it('delivers everything of a group that was empty when first polled', () => {
    const diff = diffWindow({ seen: [], statuses: [note(2, 2), note(1, 1)], baseline: false });
    expect(keys(diff.fresh)).toEqual(['Note:1', 'Note:2']);
  });

  it('takes an unseen status older than everything seen for history sliding into view', () => {
    const diff = diffWindow({
      seen: seenOf(note(5, 500)),
      statuses: [note(6, 600), note(5, 500), note(4, 400)],
      baseline: false,
    });
    expect(keys(diff.fresh)).toEqual(['Note:6']);
  });

  it('delivers a new status that shares its (whole) second with the oldest seen one', () => {
    const diff = diffWindow({
      seen: seenOf(note(5, 5000)),
      statuses: [note(6, 5000), note(5, 5000)],
      baseline: false,
    });
    expect(keys(diff.fresh)).toEqual(['Note:6']);
  });

  it('reports a DayEntry whose hours changed, and not one that did not', () => {
    const diff = diffWindow({
      seen: seenOf(entry(1, 100, 1), entry(2, 200, 1)),
      statuses: [entry(1, 100, 2), entry(2, 200, 1)],
      baseline: false,
    });
    expect(keys(diff.changed)).toEqual(['DayEntry:1']);
  });

  it('infers deletion from a short answer (the whole history) but only above the oldest item of a full page', () => {
    const seen = seenOf(note(1, 100), note(2, 200), note(3, 300));
    const short = diffWindow({
      seen,
      statuses: [note(3, 300)],
      completeAnswer: [note(3, 300)],
      baseline: false,
    });
    expect(keys(short.deleted)).toEqual(['Note:1', 'Note:2']);
    const page = Array.from({ length: 50 }, (_, i) => note(100 + i, 250 + i));
    const full = diffWindow({ seen, statuses: page, completeAnswer: page, baseline: false });
    expect(keys(full.deleted)).toEqual(['Note:3']);
  });

  it('infers no deletion without a complete answer, and none twice', () => {
    const seen = seenOf(note(1, 100), note(2, 200));
    expect(diffWindow({ seen, statuses: [note(2, 200)], baseline: false }).deleted).toEqual([]);
    const tombstoned = seen.map((s) => (s.id === 1 ? { ...s, digest: DELETED_DIGEST } : s));
    const again = diffWindow({
      seen: tombstoned,
      statuses: [note(2, 200)],
      completeAnswer: [note(2, 200)],
      baseline: false,
    });
    expect(again.deleted).toEqual([]);
  });

  it('never delivers a seen status, and delivers oldest first (property)', () => {
    const statusArb = fc
      .record({
        id: fc.integer({ min: 1, max: 40 }),
        at: fc.integer({ min: 0, max: 1000 }),
        isEntry: fc.boolean(),
      })
      .map(({ id, at, isEntry }) => (isEntry ? entry(id, at) : note(id, at)));
    fc.assert(
      fc.property(
        fc.array(statusArb, { maxLength: 30 }),
        fc.array(statusArb, { maxLength: 30 }),
        (before, now) => {
          const seen = seenOf(...new Map(before.map((s) => [`${s.type}:${s.id}`, s])).values());
          const diff = diffWindow({ seen, statuses: now, baseline: false });
          const seenKeys = new Set(keys(seen));
          expect(keys(diff.fresh).some((k) => seenKeys.has(k))).toBe(false);
          const times = diff.fresh.map((s) => s.createdAt.epochMs);
          expect(times).toEqual([...times].sort((a, b) => a - b));
          expect(new Set(keys(diff.fresh)).size).toBe(diff.fresh.length);
        },
      ),
    );
  });
});
