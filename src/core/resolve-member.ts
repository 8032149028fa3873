import type { Member } from '../coop/types.js';
import { CoreError } from './core-error.js';
import type { MentionRef, UserRef } from './grammar/index.js';
import type { Session } from './session.js';

export function memberByEmail(members: readonly Member[], email: string): Member | undefined {
  const wanted = email.toLowerCase();
  return members.find((m) => m.email.toLowerCase() === wanted);
}

export function memberName(member: Member): string {
  return `${member.firstName} ${member.lastName}`.trim() || member.email;
}

/** A chat mention → a Co-op member: their linked account, else their chat email, else a unique name match. */
async function resolveMention(mention: MentionRef, members: readonly Member[], s: Session): Promise<Member> {
  const linked = await s.deps.store.getAccountByChatUser({
    platform: s.ctx.platform,
    workspaceId: s.ctx.workspace,
    chatUserId: mention.userId,
  });
  const email = linked?.coopEmail ?? mention.email;
  const viaEmail = email ? memberByEmail(members, email) : undefined;
  if (viaEmail) return viaEmail;
  const name = (mention.displayName ?? mention.userId).trim().toLowerCase();
  const candidates = members.filter(
    (m) =>
      m.firstName.toLowerCase() === name ||
      `${m.firstName} ${m.lastName}`.trim().toLowerCase() === name ||
      m.email.toLowerCase().split('@')[0] === name,
  );
  if (candidates.length === 1) return candidates[0] as Member;
  throw new CoreError(
    'unknown_user',
    `${mention.displayName ?? mention.userId} has not linked a Co-op login, and no member of this group matches. ` +
      'Use their Co-op email instead.',
  );
}

/** `me`, an email, or a mention → the member of the group it names. */
export async function resolveMember(
  ref: UserRef,
  members: readonly Member[],
  groupName: string,
  s: Session,
): Promise<Member> {
  let member: Member | undefined;
  if (ref.kind === 'me') member = memberByEmail(members, (await s.account()).coopEmail);
  else if (ref.kind === 'email') member = memberByEmail(members, ref.email);
  else member = await resolveMention(ref.mention, members, s);
  if (!member) throw new CoreError('not_found', `No member of ${groupName} has that email.`);
  return member;
}
