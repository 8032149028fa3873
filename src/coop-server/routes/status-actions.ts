import type { Codec } from '../../coop/wire/codec.js';
import { dayBounds } from '../../coop/zone.js';
import { badRequest, notFound } from '../http-error.js';
import { statusText } from '../params.js';
import { presentStatus, zoneOf } from '../present.js';
import type { StatusQuery } from '../repositories/statuses-repository.js';
import { COBOT_USER_ID, type UserRow } from '../repositories/users-repository.js';
import { pathId, requireMembership } from './access.js';
import type { CoopCall, CoopResult, ServerContext } from './route-kit.js';

/** The Statuses API (coop-api.md §4) and group lists (§5), shared by the REST and Twitter-like paths. */

/** Undated lists show this many statuses; date lists show the whole day (§4, statuses doc). */
export const UNDATED_LIST_LIMIT = 50;

export interface TimelineScope {
  groupId: string | undefined;
  /** A user id, `cobot` or `0`; absent for the whole group. */
  author?: string | undefined;
  /** A day already checked by `parseDay` (`YYYYMMDD`); absent for the newest 50. */
  day?: string | undefined;
}

function authorId(context: ServerContext, author: string): number {
  if (author.toLowerCase() === 'cobot') return COBOT_USER_ID;
  const id = pathId(author);
  if (id !== COBOT_USER_ID && !context.db.users.byId(id)) throw notFound();
  return id;
}

export function timeline(
  context: ServerContext,
  user: UserRow,
  scope: TimelineScope,
  codec: Codec,
): CoopResult {
  const access = requireMembership(context, user, scope.groupId);
  const query: StatusQuery = { groupId: access.group.id };
  if (scope.author !== undefined) query.userId = authorId(context, scope.author);
  if (scope.day === undefined) {
    query.limit = UNDATED_LIST_LIMIT;
  } else {
    const bounds = dayBounds(scope.day, access.zone);
    query.fromMs = bounds.startMs;
    query.toMs = bounds.endMs;
  }
  const statuses = context.db.statuses.list(query).map((row) => presentStatus(row, access.zone));
  return { body: codec.serializeStatuses(statuses) };
}

/** S3: the caller's own Notes only; a DayEntry id finds nothing here. */
export async function showNote(context: ServerContext, call: CoopCall, idText: string | undefined) {
  const user = await context.auth.user(call.request);
  const note = context.db.notes.byId(pathId(idText));
  const group = note && context.db.groups.byId(note.groupId);
  if (!note || !group || note.userId !== user.id) throw notFound();
  return { body: call.codec.serializeStatus(presentStatus(note, zoneOf(group.timezone))) };
}

/** S4/S5 and the GitHub hook: a Note by the caller, or by Cobot when a valid group key is given. */
export async function createNote(context: ServerContext, call: CoopCall, groupIdText: string | undefined) {
  const principal = await context.auth.principal(call.request, call.input);
  if (groupIdText === undefined || groupIdText === '') throw badRequest('group_id is required');
  const author =
    principal.kind === 'cobot'
      ? { groupId: keyGroupId(principal.group.id, groupIdText), userId: COBOT_USER_ID }
      : {
          groupId: requireMembership(context, principal.user, groupIdText).group.id,
          userId: principal.user.id,
        };
  const text = statusText(call.input)?.trim();
  if (!text) {
    throw badRequest(
      'Status text can\'t be blank: send status=<text>, <status>text</status> or {"status": "text"}',
    );
  }
  const note = context.db.notes.insert({ ...author, text, createdAt: context.now() });
  return { status: 201, location: `/statuses/${note.id}` };
}

/** A key is good for its own group only; for any other it names nothing. */
function keyGroupId(keyGroup: number, groupIdText: string): number {
  if (pathId(groupIdText) !== keyGroup) throw notFound();
  return keyGroup;
}

/** S6/S7: own Notes with Basic; with a key, only the Notes Cobot posted in that key's group. */
export async function deleteNote(context: ServerContext, call: CoopCall, idText: string | undefined) {
  const principal = await context.auth.principal(call.request, call.input);
  const note = context.db.notes.byId(pathId(idText));
  const allowed =
    note &&
    (principal.kind === 'cobot'
      ? note.userId === COBOT_USER_ID && note.groupId === principal.group.id
      : note.userId === principal.user.id);
  if (!note || !allowed) throw notFound();
  context.db.notes.delete(note.id);
  return { status: 200 };
}
