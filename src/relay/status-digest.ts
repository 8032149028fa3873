import { createHash } from 'node:crypto';
import type { Status } from '../coop/types.js';

/** The digest a deleted status keeps in the seen set, so its deletion is acted on once. */
export const DELETED_DIGEST = 'deleted';

/**
 * A short hash of what a reader sees of a status: text, and for a DayEntry hours, project, task,
 * client and whether its timer runs. A different digest on a later poll means "edit the message".
 */
export function statusDigest(status: Status): string {
  const visible =
    status.type === 'DayEntry'
      ? [
          status.type,
          status.text,
          status.hours,
          status.project,
          status.task,
          status.client,
          status.timerStartedAt !== null,
        ]
      : [status.type, status.text];
  return createHash('sha256').update(JSON.stringify(visible)).digest('base64url').slice(0, 22);
}
