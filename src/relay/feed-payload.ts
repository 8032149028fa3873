import type { StatusMessage } from '../core/status-message.js';

/**
 * What an outbox row carries: the status as chat shows it (the neutral StatusMessage, already in
 * the group's zone) and the group's name for the message title, so that sending never needs
 * Co-op. A 'delete' row needs neither the status nor its text.
 */
export interface FeedPayload {
  groupName: string;
  status?: StatusMessage;
}

export function isFeedPayload(value: unknown): value is FeedPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { groupName, status } = value as { groupName?: unknown; status?: unknown };
  return typeof groupName === 'string' && (status === undefined || isStatusMessage(status));
}

function isStatusMessage(value: unknown): value is StatusMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof StatusMessage, unknown>>;
  return (
    typeof v.key === 'string' &&
    typeof v.id === 'number' &&
    typeof v.text === 'string' &&
    typeof v.kind === 'string' &&
    typeof v.author === 'object' &&
    v.author !== null
  );
}

/** An outbox row whose payload is not a FeedPayload (written by another version?); it cannot be sent. */
export class BadPayloadError extends Error {
  override readonly name = 'BadPayloadError';
  readonly code = 'bad_payload';
  constructor(readonly rowId: number) {
    super(`Outbox row ${rowId} has no status to show; it is marked failed.`);
  }
}
