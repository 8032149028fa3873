import { badRequest, forbidden } from '../http-error.js';
import { recordParam, stringParam } from '../params.js';
import { presentGroup, zoneOf } from '../present.js';
import type { GroupChanges } from '../repositories/groups-repository.js';
import { requireMembership } from './access.js';
import type { CoopCall, CoopRouter, ServerContext } from './route-kit.js';

/** G1 and G5 (§5); the group status lists G2–G4 live with the statuses. */
export function registerGroupRoutes(router: CoopRouter, context: ServerContext): void {
  router
    .get('/groups', async (call) => {
      const user = await context.auth.user(call.request);
      const groups = context.db.groups.listForUser(user.id).map((group) => {
        const leader = context.db.memberships.find(user.id, group.id)?.leader ?? false;
        return presentGroup(group, leader);
      });
      return { body: call.codec.serializeGroups(groups) };
    })
    .put('/groups/:groupId', async (call) => {
      const user = await context.auth.user(call.request);
      const { group, membership } = requireMembership(context, user, call.params.groupId);
      if (!membership.leader) throw forbidden('Only the group leader may change the group');
      context.db.groups.update(group.id, groupChanges(call), context.now());
      return { location: `/groups/${group.id}` };
    });
}

/** `group[name]`, `<group><timezone>…</timezone></group>`, `{"group": {...}}` or top-level fields. */
function groupChanges(call: CoopCall): GroupChanges {
  const fields = recordParam(call.input, 'group');
  const changes: GroupChanges = {};
  const name = stringParam(fields, 'name')?.trim();
  const timezone = stringParam(fields, 'timezone')?.trim();
  if (name !== undefined) {
    if (name === '') throw badRequest("Name can't be blank");
    changes.name = name;
  }
  if (timezone !== undefined) {
    if (!zoneOf(timezone).known)
      throw badRequest(`Unknown time zone "${timezone}": use a Rails zone name such as London`);
    changes.timezone = timezone;
  }
  return changes;
}
