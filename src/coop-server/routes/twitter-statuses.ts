import { badRequest } from '../http-error.js';
import { stringParam } from '../params.js';
import type { CoopCall, CoopRouter, ServerContext } from './route-kit.js';
import { createNote, deleteNote, showNote } from './status-actions.js';
import { dayFromQuery, listRoute } from './statuses.js';

/** The Twitter-like aliases of the Statuses API (§4): the group and date travel as parameters. */
export function registerTwitterStatusRoutes(router: CoopRouter, context: ServerContext): void {
  router
    .get(
      '/statuses/user_timeline',
      // No user in the path: the caller's own statuses.
      listRoute(context, (call, user) => ({ ...scopeOf(call), author: String(user.id) })),
    )
    .get(
      '/statuses/user_timeline/:userId',
      listRoute(context, (call) => ({ ...scopeOf(call), author: call.params.userId })),
    )
    .get('/statuses/show/:statusId', (call) => showNote(context, call, call.params.statusId))
    .post('/statuses/update', (call) => createNote(context, call, stringParam(call.input, 'group_id')))
    // The docs allow POST as well as DELETE here (§4 S6/S7).
    .delete('/statuses/destroy/:statusId', (call) => deleteNote(context, call, call.params.statusId))
    .post('/statuses/destroy/:statusId', (call) => deleteNote(context, call, call.params.statusId));
}

function requiredGroupId(call: CoopCall): string {
  const groupId = stringParam(call.input, 'group_id');
  if (!groupId) throw badRequest('group_id is required');
  return groupId;
}

function scopeOf(call: CoopCall) {
  return { groupId: requiredGroupId(call), day: dayFromQuery(call.input) };
}
