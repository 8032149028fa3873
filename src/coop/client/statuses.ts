import type { Status } from '../types.js';
import type { Caller } from './caller.js';
import { checkKey, dateSegment, idSegment, type UserRef, userSegment } from './paths.js';

/** Statuses endpoints, coop-api.md §4 (S1–S7) and the `/notes` Cobot form of §10. */

export interface TimelineOptions {
  /** `YYYYMMDD` (or `YYYY-MM-DD`): every status of that day, uncapped (S2). */
  date?: string;
}

/** S1/S2: a user's 50 latest statuses in a group, or all of one day's. `'cobot'` or 0 for Cobot. */
export async function userTimeline(c: Caller, groupId: number, user: UserRef, opts: TimelineOptions = {}) {
  let path = `/groups/${idSegment(groupId, 'group id')}/users/${userSegment(user)}`;
  if (opts.date !== undefined) path += `/${dateSegment(opts.date)}`;
  return c.read(path, (body) => c.codec.parseStatuses(body));
}

/** S3: one of the caller's own Notes (DayEntries cannot be fetched this way). */
export async function showStatus(c: Caller, statusId: number): Promise<Status> {
  return c.read(`/statuses/${idSegment(statusId, 'status id')}`, (body) => c.codec.parseStatus(body));
}

/** S4: posts a Note as the member; resolves to its id. */
export async function postStatus(c: Caller, groupId: number, text: string): Promise<number> {
  const path = `/groups/${idSegment(groupId, 'group id')}/statuses`;
  return c.create(path, 'statuses', c.body(c.codec.encodeStatusText(text)));
}

/** S5: posts a Note as Cobot with the group key, without logging in; resolves to its id. */
export async function postCobotStatus(
  c: Caller,
  groupId: number,
  key: string,
  text: string,
): Promise<number> {
  const path = `/groups/${idSegment(groupId, 'group id')}/statuses`;
  return c.create(path, 'statuses', {
    ...c.body(c.codec.encodeStatusText(text)),
    auth: 'key',
    query: { key: checkKey(key) },
    secrets: [key],
  });
}

/**
 * The GitHub service hook's form (§0, §10): `POST /groups/:id/notes` with the key in a JSON body,
 * always JSON whatever the client's format, exactly as the hook sent it. Resolves to the new id.
 */
export async function postCobotNote(c: Caller, groupId: number, key: string, text: string): Promise<number> {
  const path = `/groups/${idSegment(groupId, 'group id')}/notes`;
  return c.create(path, 'statuses', {
    auth: 'key',
    accept: 'application/json',
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ status: text, key: checkKey(key) }),
    secrets: [key],
  });
}

/** S6: deletes one of the member's own statuses. */
export async function deleteStatus(c: Caller, statusId: number): Promise<void> {
  await c.write('DELETE', `/statuses/${idSegment(statusId, 'status id')}`);
}

/** S7: deletes a status Cobot posted, with the group key and no login. */
export async function deleteCobotStatus(c: Caller, statusId: number, key: string): Promise<void> {
  await c.write('DELETE', `/statuses/${idSegment(statusId, 'status id')}`, {
    auth: 'key',
    query: { key: checkKey(key) },
    secrets: [key],
  });
}
