import type { OutboxRow, Store, Subscription } from '../store/store.js';

/**
 * Whether the message showing a Note also shows other statuses (a packed burst). Removing it would
 * remove those too, so a deleted Note that shares its message stays. Pack-mates are found among the
 * feed's seen Notes; this costs a lookup per seen Note, and runs only for a deletion.
 */
export async function sharesMessage(
  store: Store,
  sub: Subscription,
  row: OutboxRow,
  platformMessageId: string,
): Promise<boolean> {
  if (row.statusType !== 'Note') return false;
  // Without its owner the feed has no seen set to search: keep the message rather than guess.
  if (sub.ownerAccountId === null) return true;
  const seen = await store.loadSeen({ groupId: sub.groupId, ownerAccountId: sub.ownerAccountId });
  for (const entry of seen) {
    if (entry.type !== 'Note' || entry.id === row.statusId) continue;
    const other = await store.findDelivered(sub.id, entry);
    if (other?.platformMessageId === platformMessageId) return true;
  }
  return false;
}
