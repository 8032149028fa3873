import type { PollKey, Subscription } from '../store/store.js';
import { pollKeyId } from './channel-key.js';

/** One (group, owner) to poll, with the active feeds it serves. */
export interface PollTarget {
  key: PollKey;
  id: string;
  subscriptions: Subscription[];
}

/**
 * Active feeds grouped by (group, owner): what a Co-op login can see depends on who it is, and
 * every channel following the same group through the same login shares one poll.
 */
export function pollTargets(subscriptions: readonly Subscription[]): PollTarget[] {
  const targets = new Map<string, PollTarget>();
  for (const sub of subscriptions) {
    if (sub.state !== 'active' || sub.ownerAccountId === null) continue;
    const key = { groupId: sub.groupId, ownerAccountId: sub.ownerAccountId };
    const id = pollKeyId(key);
    const target = targets.get(id);
    if (target) target.subscriptions.push(sub);
    else targets.set(id, { key, id, subscriptions: [sub] });
  }
  return [...targets.values()];
}
