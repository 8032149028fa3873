import type { Command } from '../grammar/index.js';
import type { Reply } from '../reply.js';
import type { Session } from '../session.js';

type AgendaCommand = Extract<Command, { name: 'agenda' }>;

export async function agenda(cmd: AgendaCommand, s: Session): Promise<Reply> {
  const { group } = await s.group();
  const client = await s.client();
  if (cmd.action === 'set') {
    if (cmd.scope === 'mine') await client.updateMyAgenda(group.id, cmd.text);
    else await client.updateGroupAgenda(group.id, cmd.text);
    const whose = cmd.scope === 'mine' ? 'Your agenda' : `${group.name}'s agenda`;
    return {
      kind: 'text',
      visibility: cmd.scope === 'mine' ? 'private' : 'channel',
      text: `${whose} is now:\n${cmd.text}`,
    };
  }
  if (cmd.scope === 'mine') {
    const mine = await client.myAgenda(group.id);
    return {
      kind: 'text',
      visibility: 'private',
      text: mine.agenda.trim() ? `Your agenda:\n${mine.agenda}` : 'Your agenda is empty.',
    };
  }
  if (cmd.scope === 'everyone') {
    const [agendas, members] = await Promise.all([client.userAgendas(group.id), client.members(group.id)]);
    const nameOf = (id: number) => {
      const m = members.find((member) => member.id === id);
      return m ? `${m.firstName} ${m.lastName}`.trim() || m.email : `user #${id}`;
    };
    return {
      kind: 'list',
      visibility: 'private',
      title: `Agendas in ${group.name}:`,
      empty: 'Nobody has an agenda yet.',
      items: agendas
        .filter((a) => a.agenda.trim())
        .map((a) => ({ title: nameOf(a.userId), detail: a.agenda })),
    };
  }
  const groupAgenda = await client.groupAgenda(group.id);
  return {
    kind: 'text',
    visibility: 'private',
    text: groupAgenda.agenda.trim()
      ? `${group.name}'s agenda:\n${groupAgenda.agenda}`
      : `${group.name} has no agenda yet.`,
  };
}
