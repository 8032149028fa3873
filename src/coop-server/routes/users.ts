import { notFound } from '../http-error.js';
import { presentMember, presentUser } from '../present.js';
import type { UserRow } from '../repositories/users-repository.js';
import { pathId, requireMembership } from './access.js';
import type { CoopCall, CoopRouter, ServerContext } from './route-kit.js';

/** The caller, if the path names them; nobody else's record is visible (§8). */
export async function requireSelf(context: ServerContext, call: CoopCall): Promise<UserRow> {
  const user = await context.auth.user(call.request);
  if (pathId(call.params.userId) !== user.id) throw notFound();
  return user;
}

/** U1 and U2 (§8). */
export function registerUserRoutes(router: CoopRouter, context: ServerContext): void {
  router
    .get('/groups/:groupId/users', async (call) => {
      const user = await context.auth.user(call.request);
      const { group, zone } = requireMembership(context, user, call.params.groupId);
      const members = context.db.memberships.membersOf(group.id).map((member) => presentMember(member, zone));
      return { body: call.codec.serializeMembers(members) };
    })
    .get('/users/:userId', async (call) => {
      const user = await requireSelf(context, call);
      const hasCredential = context.db.harvestCredentials.forUser(user.id) !== undefined;
      return { body: call.codec.serializeUser(presentUser(user, hasCredential)) };
    });
}
