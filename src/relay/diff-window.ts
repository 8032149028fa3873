import type { Status } from '../coop/types.js';
import type { SeenEntry, SeenStatus } from '../store/store.js';
import { DELETED_DIGEST, statusDigest } from './status-digest.js';
import { COOP_WINDOW, keyOf, mergeStatuses } from './status-order.js';

export interface WindowDiffInput {
  /** What the poll key has seen so far. */
  seen: readonly SeenStatus[];
  /** Every status the poll read: the 50-item answer, plus the date-route walk if there was one. */
  statuses: readonly Status[];
  /**
   * The undated answer when it can prove deletions: a 200 that did not overflow. Undefined after
   * a walk, a 304 or an error: absence proves nothing there.
   */
  completeAnswer?: readonly Status[] | undefined;
  /** The first poll of a key (or of a key nobody polled for a while): record, deliver nothing… */
  baseline: boolean;
  /**
   * …except statuses created at or after this instant (epoch ms): they came after the feeds
   * subscribed, and a baseline must not swallow what was posted between `subscribe` and the poll.
   */
  baselineNewSince?: number | undefined;
}

export interface WindowDiff {
  /** Statuses nobody saw before, oldest first. */
  fresh: Status[];
  /** Seen DayEntries whose visible fields changed, oldest first. */
  changed: Status[];
  /** Seen statuses that a complete answer no longer holds. */
  deleted: SeenStatus[];
  /** What to write to the seen set: new entries, new digests, tombstones. */
  seenUpdates: SeenEntry[];
}

/**
 * Compares one poll's statuses with the seen set (pure; the poll writes the result in one
 * transaction). Identity is (type, id). A status older than everything seen is history sliding
 * into view (after a deletion, or older than the first poll's window), not news.
 */
export function diffWindow(input: WindowDiffInput): WindowDiff {
  const seen = new Map(input.seen.map((entry) => [keyOf(entry), entry]));
  const floor = input.seen.reduce((min, entry) => Math.min(min, entry.createdAt), Number.POSITIVE_INFINITY);
  const diff: WindowDiff = { fresh: [], changed: [], deleted: [], seenUpdates: [] };
  for (const status of mergeStatuses(input.statuses)) {
    const entry = seen.get(keyOf(status));
    const digest = statusDigest(status);
    const seenEntry = { type: status.type, id: status.id, digest, createdAt: status.createdAt.epochMs };
    if (entry === undefined) {
      diff.seenUpdates.push(seenEntry);
      // Co-op times have whole seconds: a new status may share its second with the oldest seen.
      const isNews = input.baseline
        ? input.baselineNewSince !== undefined && status.createdAt.epochMs >= input.baselineNewSince
        : seen.size === 0 || status.createdAt.epochMs >= floor;
      if (isNews) diff.fresh.push(status);
    } else if (entry.digest !== digest) {
      diff.seenUpdates.push(seenEntry);
      // Only DayEntries change in Co-op; a tombstone coming back is not an edit of anything.
      if (!input.baseline && status.type === 'DayEntry' && entry.digest !== DELETED_DIGEST) {
        diff.changed.push(status);
      }
    }
  }
  if (input.completeAnswer) {
    const gone = deletedFrom(input.completeAnswer, input.seen);
    for (const entry of gone) diff.seenUpdates.push({ ...entry, digest: DELETED_DIGEST });
    // A baseline only buries what went while nobody listened; nothing to remove from any channel.
    if (!input.baseline) diff.deleted = gone;
  }
  return diff;
}

/**
 * Seen statuses a complete answer lacks. Fewer than 50 items is the group's whole history, so
 * anything missing was deleted; a full page only vouches for what is newer than its oldest item
 * (older statuses simply slid out of the window).
 */
function deletedFrom(answer: readonly Status[], seen: readonly SeenStatus[]): SeenStatus[] {
  const present = new Set(answer.map(keyOf));
  const wholeHistory = answer.length < COOP_WINDOW;
  const oldest = answer.reduce((min, s) => Math.min(min, s.createdAt.epochMs), Number.POSITIVE_INFINITY);
  return seen.filter(
    (entry) =>
      entry.digest !== DELETED_DIGEST &&
      !present.has(keyOf(entry)) &&
      (wholeHistory || entry.createdAt > oldest),
  );
}
