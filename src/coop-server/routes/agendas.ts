import { badRequest } from '../http-error.js';
import { recordParam, stringParam } from '../params.js';
import { renderAgendaHtml } from '../present.js';
import { requireMembership } from './access.js';
import type { CoopCall, CoopRouter, ServerContext } from './route-kit.js';

/** A1–A5 (§7): the group's shared agenda and each member's own, stored raw and shown as Textile HTML. */
export function registerAgendaRoutes(router: CoopRouter, context: ServerContext): void {
  const member = async (call: CoopCall) => {
    const user = await context.auth.user(call.request);
    return { user, ...requireMembership(context, user, call.params.groupId) };
  };

  router
    .get('/groups/:groupId/agenda', async (call) => {
      const { group } = await member(call);
      const agenda = { groupId: group.id, agenda: group.agenda, agendaHtml: renderAgendaHtml(group.agenda) };
      return { body: call.codec.serializeGroupAgenda(agenda) };
    })
    // Any member may edit the shared agenda (§13).
    .put('/groups/:groupId/agenda', async (call) => {
      const { group } = await member(call);
      context.db.groups.setAgenda(group.id, agendaText(call), context.now());
      return { location: `/groups/${group.id}/agenda` };
    })
    .get('/groups/:groupId/user_agendas', async (call) => {
      const { group } = await member(call);
      const agendas = context.db.memberships.agendasOf(group.id).map(({ userId, agenda }) => ({
        userId,
        agenda,
        agendaHtml: renderAgendaHtml(agenda),
      }));
      return { body: call.codec.serializeUserAgendas(agendas) };
    })
    .get('/groups/:groupId/my_agenda', async (call) => {
      const { user, membership } = await member(call);
      const agenda = {
        userId: user.id,
        agenda: membership.agenda,
        agendaHtml: renderAgendaHtml(membership.agenda),
      };
      return { body: call.codec.serializeMyAgenda(agenda) };
    })
    .put('/groups/:groupId/my_agenda', async (call) => {
      const { user, group } = await member(call);
      context.db.memberships.setAgenda(user.id, group.id, agendaText(call), context.now());
      return { location: `/groups/${group.id}/my_agenda` };
    });
}

/** `<agenda>t</agenda>`, `{"agenda": "t"}`, `agenda=t`, or `{"agenda": {"agenda": "t"}}` as Rails forms nest it. */
function agendaText(call: CoopCall): string {
  const text = stringParam(call.input, 'agenda') ?? stringParam(recordParam(call.input, 'agenda'), 'agenda');
  if (text === undefined)
    throw badRequest('agenda is required: send <agenda>text</agenda> or {"agenda": "text"}');
  return text;
}
