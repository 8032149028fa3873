import type { UserRef as CoopUserRef } from '../../coop/client/paths.js';
import type { Member } from '../../coop/types.js';
import { CoreError } from '../core-error.js';
import type { Command, MentionRef, TimelineTarget } from '../grammar/index.js';
import type { Reply } from '../reply.js';
import type { GroupInScope, Session } from '../session.js';
import { toStatusMessage } from '../status-message.js';

interface ResolvedUser {
  ref: CoopUserRef;
  label: string;
}

function byEmail(members: readonly Member[], email: string): Member | undefined {
  const wanted = email.toLowerCase();
  return members.find((m) => m.email.toLowerCase() === wanted);
}

/** A chat mention → a Co-op member: their linked account, else their chat email, else a unique name match. */
async function resolveMention(mention: MentionRef, members: readonly Member[], s: Session): Promise<Member> {
  const linked = await s.deps.store.getAccountByChatUser({
    platform: s.ctx.platform,
    workspaceId: s.ctx.workspace,
    chatUserId: mention.userId,
  });
  const email = linked?.coopEmail ?? mention.email;
  const viaEmail = email ? byEmail(members, email) : undefined;
  if (viaEmail) return viaEmail;
  const name = (mention.displayName ?? mention.userId).toLowerCase();
  const candidates = members.filter(
    (m) => m.firstName.toLowerCase() === name || m.email.toLowerCase().split('@')[0] === name,
  );
  if (candidates.length === 1) return candidates[0] as Member;
  throw new CoreError(
    'unknown_user',
    `${mention.displayName ?? mention.userId} has not linked a Co-op login, and no member of this group matches. ` +
      'Use their Co-op email instead.',
    { usage: 'timeline [@who|email|cobot|me] [date]', example: 'timeline sybil@fawltytowers.com' },
  );
}

async function resolveTarget(target: TimelineTarget, scope: GroupInScope, s: Session): Promise<ResolvedUser> {
  if (target.kind === 'cobot') return { ref: 'cobot', label: 'Cobot' };
  const members = await (await s.client()).members(scope.group.id);
  let member: Member | undefined;
  if (target.kind === 'me') {
    const account = await s.account();
    member = byEmail(members, account.coopEmail);
  } else if (target.kind === 'email') {
    member = byEmail(members, target.email);
  } else {
    member = await resolveMention(target.mention, members, s);
  }
  if (!member) throw new CoreError('not_found', `No member of ${scope.group.name} has that email.`);
  return { ref: member.id, label: `${member.firstName} ${member.lastName}`.trim() || member.email };
}

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
