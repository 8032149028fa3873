import type { Group } from '../../coop/types.js';
import { channelRef } from '../chat-context.js';
import { CoreError } from '../core-error.js';
import type { Command } from '../grammar/index.js';
import type { Reply } from '../reply.js';
import type { Session } from '../session.js';

export async function listGroups(s: Session): Promise<Reply> {
  const [groups, settings] = await Promise.all([s.groups(), s.deps.store.getChannel(channelRef(s.ctx))]);
  return {
    kind: 'list',
    visibility: 'private',
    title: 'Your Co-op groups:',
    empty: 'Your Co-op login is not a member of any group.',
    items: groups.map((g) => ({
      title: `#${g.id} ${g.name}`,
      detail: `${g.timezone}${settings?.groupId === g.id ? ' · this channel' : ''}`,
    })),
  };
}

function findGroup(
  groups: readonly Group[],
  ref: Extract<Command, { name: 'use' }>['group'],
): Group | undefined {
  if (ref.kind === 'id') return groups.find((g) => g.id === ref.id);
  const name = ref.name.toLowerCase();
  return groups.find((g) => g.name.toLowerCase() === name);
}

export async function useGroup(cmd: Extract<Command, { name: 'use' }>, s: Session): Promise<Reply> {
  const groups = await s.groups();
  const group = findGroup(groups, cmd.group);
  if (!group) {
    const names = groups.map((g) => `#${g.id} ${g.name}`).join(', ') || 'none';
    throw new CoreError('not_found', `No group like that is visible to you. Your groups: ${names}.`, {
      usage: 'use <group id or name>',
      example: `use ${groups[0]?.id ?? 1}`,
    });
  }
  await s.deps.store.setChannelGroup(channelRef(s.ctx), group.id);
  return {
    kind: 'text',
    visibility: 'channel',
    text: `This channel now uses the Co-op group ${group.name} (#${group.id}).`,
  };
}

export async function listMembers(s: Session): Promise<Reply> {
  const { group } = await s.group();
  const members = await (await s.client()).members(group.id);
  return {
    kind: 'list',
    visibility: 'private',
    title: `Members of ${group.name}:`,
    empty: 'This group has no members.',
    items: members.map((m) => ({ title: `${m.firstName} ${m.lastName}`.trim() || m.email, detail: m.email })),
  };
}
