import type { OutboxRow } from '../store/store.js';

/**
 * The next message out of a channel's oldest rows: one edit, one removal, one DayEntry, or a run
 * of Note posts of the same feed packed together (up to `max`). DayEntries go alone because
 * they are edited later, and an edit replaces the whole message. Deterministic, so rows left in
 * doubt by a crash are packed again exactly as they were sent (and keep their nonce).
 */
export function takeBatch(
  rows: readonly OutboxRow[],
  max: number,
): { batch: OutboxRow[]; rest: OutboxRow[] } {
  const first = rows[0];
  if (!first) return { batch: [], rest: [] };
  let size = 1;
  if (isPackable(first)) {
    while (size < Math.max(1, max)) {
      const next = rows[size];
      if (!next || !isPackable(next) || next.subscriptionId !== first.subscriptionId) break;
      size += 1;
    }
  }
  return { batch: rows.slice(0, size), rest: rows.slice(size) };
}

function isPackable(row: OutboxRow): boolean {
  return row.kind === 'post' && row.statusType === 'Note';
}
