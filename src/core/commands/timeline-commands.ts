import type { UserRef as CoopUserRef } from '../../coop/client/paths.js';
import { CoreError } from '../core-error.js';
import type { Command, TimelineTarget } from '../grammar/index.js';
import type { Reply } from '../reply.js';
import { memberName, resolveMember } from '../resolve-member.js';
import type { GroupInScope, Session } from '../session.js';
import { toStatusMessage } from '../status-message.js';

interface ResolvedUser {
  ref: CoopUserRef;
  label: string;
}

async function resolveTarget(target: TimelineTarget, scope: GroupInScope, s: Session): Promise<ResolvedUser> {
  if (target.kind === 'cobot') return { ref: 'cobot', label: 'Cobot' };
  const members = await (await s.client()).members(scope.group.id);
  try {
    const member = await resolveMember(target, members, scope.group.name, s);
    return { ref: member.id, label: memberName(member) };
  } catch (error) {
    if (error instanceof CoreError && !error.extra.usage) {
      throw new CoreError(error.code, error.message, TIMELINE_USAGE);
    }
    throw error;
  }
}

const TIMELINE_USAGE = {
  usage: 'timeline [@who|email|cobot|me] [date]',
  example: 'timeline sybil@fawltytowers.com',
};

export async function timeline(cmd: Extract<Command, { name: 'timeline' }>, s: Session): Promise<Reply> {
  const scope = await s.group();
  const who = await resolveTarget(cmd.target, scope, s);
  const day = cmd.date ? s.day(cmd.date, scope.zone) : undefined;
  const statuses = await (await s.client()).userTimeline(
    scope.group.id,
    who.ref,
    day ? { date: day } : undefined,
  );
  const when = day ? ` on ${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}` : '';
  return {
    kind: 'statuses',
    visibility: 'private',
    title: `${who.label} in ${scope.group.name}${when}:`,
    empty: `${who.label} has no statuses in ${scope.group.name}${when}.`,
    statuses: statuses.map((st) => toStatusMessage(st, scope.zone)),
  };
}

export async function today(cmd: Extract<Command, { name: 'today' }>, s: Session): Promise<Reply> {
  const scope = await s.group();
  const day = s.day(cmd.date, scope.zone);
  const answer = await (await s.client()).groupStatusesOn(scope.group.id, day);
  const statuses = answer.notModified ? [] : answer.value;
  const when = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`;
  return {
    kind: 'statuses',
    visibility: 'private',
    title: `${scope.group.name} on ${when}:`,
    empty: `Nothing was posted to ${scope.group.name} on ${when}.`,
    statuses: statuses.map((st) => toStatusMessage(st, scope.zone)),
  };
}
