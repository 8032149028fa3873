import { badRequest, notFound } from '../http-error.js';
import { stringParam } from '../params.js';
import type { UserRow } from '../repositories/users-repository.js';
import { parseDay } from './access.js';
import type { CoopCall, CoopHandler, CoopRouter, ServerContext } from './route-kit.js';
import { createNote, deleteNote, showNote, type TimelineScope, timeline } from './status-actions.js';

/** A list route: log in first, then read the scope (so a stranger learns nothing from a 404). */
export function listRoute(
  context: ServerContext,
  scopeOf: (call: CoopCall, user: UserRow) => TimelineScope,
): CoopHandler {
  return async (call) => {
    const user = await context.auth.user(call.request);
    return timeline(context, user, scopeOf(call, user), call.codec);
  };
}

/** The REST paths of the Statuses API (§4), the group lists (§5 G2–G4) and the GitHub hook (§10). */
export function registerStatusRoutes(router: CoopRouter, context: ServerContext): void {
  const groupStatuses = listRoute(context, ({ params }) => ({ groupId: params.groupId }));
  router
    .get('/groups/:groupId/statuses', groupStatuses)
    // G3: deprecated, but 2009–2011 clients read the group page this way.
    .get('/groups/:groupId', groupStatuses)
    .get(
      '/groups/:groupId/:date',
      listRoute(context, ({ params }) => ({ groupId: params.groupId, day: dayFromPath(params.date) })),
    )
    .get(
      '/groups/:groupId/users/:userId',
      listRoute(context, ({ params }) => ({ groupId: params.groupId, author: params.userId })),
    )
    .get(
      '/groups/:groupId/users/:userId/:date',
      listRoute(context, ({ params }) => ({
        groupId: params.groupId,
        author: params.userId,
        day: dayFromPath(params.date),
      })),
    )
    .get('/statuses/:statusId', (call) => showNote(context, call, call.params.statusId))
    .post('/groups/:groupId/statuses', (call) => createNote(context, call, call.params.groupId))
    .post('/groups/:groupId/notes', (call) => createNote(context, call, call.params.groupId))
    .delete('/statuses/:statusId', (call) => deleteNote(context, call, call.params.statusId));
}

/** `/groups/1/agenda` is a named child, `/groups/1/20120303` a day; any other segment names nothing. */
function dayFromPath(segment: string | undefined): string {
  const day = parseDay(segment);
  if (!day) throw notFound();
  return day;
}

/** `date=` on the Twitter-like paths: absent means the newest 50, a bad value is the client's error. */
export function dayFromQuery(input: Record<string, unknown>): string | undefined {
  const text = stringParam(input, 'date');
  if (text === undefined || text === '') return undefined;
  const day = parseDay(text);
  if (!day) throw badRequest(`date must be YYYYMMDD (or YYYY-MM-DD), got "${text}"`);
  return day;
}
