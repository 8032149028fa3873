import type { Status } from '../coop/types.js';
import type { Zone } from '../coop/zone.js';
import { parseFeedFilter, statusMatchesFilter } from '../core/feed-filter.js';
import { type StatusMessage, toStatusMessage } from '../core/status-message.js';
import type { NewOutboxRow, OutboxKind, SeenStatus, Subscription } from '../store/store.js';
import type { FeedPayload } from './feed-payload.js';

export interface OutboxPlanInput {
  /** The poll key's active subscriptions at the moment the poll commits. */
  subscriptions: readonly Subscription[];
  fresh: readonly Status[];
  changed: readonly Status[];
  deleted: readonly SeenStatus[];
  groupName: string;
  zone: Zone;
  removeDeleted: boolean;
}

/**
 * The fan-out: one row per (status, subscription whose filter lets it through), new statuses
 * oldest first, then edits, then removals. Edits and removals go to every matching feed; the
 * sender skips those that never showed the status.
 */
export function planOutbox(input: OutboxPlanInput): NewOutboxRow[] {
  const feeds = input.subscriptions.map((sub) => ({ sub, filter: parseFeedFilter(sub.filter) }));
  const rows: NewOutboxRow[] = [];
  const fanOut = (kind: OutboxKind, statuses: readonly Status[]) => {
    for (const status of statuses) {
      const message = toStatusMessage(status, input.zone);
      for (const { sub, filter } of feeds) {
        if (statusMatchesFilter(filter, message))
          rows.push(rowFor(sub, kind, status, message, input.groupName));
      }
    }
  };
  fanOut('post', input.fresh);
  fanOut('edit', input.changed);
  if (input.removeDeleted) {
    for (const entry of input.deleted) {
      for (const { sub } of feeds) {
        rows.push({
          subscriptionId: sub.id,
          channel: sub.channel,
          kind: 'delete',
          statusType: entry.type,
          statusId: entry.id,
          payload: { groupName: input.groupName } satisfies FeedPayload,
        });
      }
    }
  }
  return rows;
}

function rowFor(
  sub: Subscription,
  kind: OutboxKind,
  status: Status,
  message: StatusMessage,
  groupName: string,
): NewOutboxRow {
  return {
    subscriptionId: sub.id,
    channel: sub.channel,
    kind,
    statusType: status.type,
    statusId: status.id,
    payload: { groupName, status: message } satisfies FeedPayload,
  };
}
