import { CoopError } from '../../coop/coop-error.js';
import { chatUserRef } from '../chat-context.js';
import { CoreError } from '../core-error.js';
import type { Command } from '../grammar/index.js';
import { privateText, type Reply } from '../reply.js';
import type { Session } from '../session.js';

type LoginCommand = Extract<Command, { name: 'login' }>;

/**
 * `login`: the password is collected privately. Inline `login EMAIL PASSWORD` is accepted only where
 * nobody else can read it (the terminal); in a channel it is refused and nothing is stored.
 */
export async function login(cmd: LoginCommand, s: Session): Promise<Reply> {
  if (!cmd.inlinePassword) {
    return {
      kind: 'login-form',
      visibility: 'private',
      text: 'Enter your Co-op email and password. They are checked with Co-op before anything is stored.',
      ...(cmd.email ? { email: cmd.email } : {}),
    };
  }
  if (!s.ctx.private) {
    throw new CoreError(
      'password_in_channel',
      'Never type your password in a channel: others can read it. Nothing was stored. ' +
        'Run `login` on its own to get a private form, and consider changing that password.',
    );
  }
  return completeLogin(s, cmd.email, cmd.password);
}

/** Checks the credentials against Co-op (GET /groups), then links them to the chat user. */
export async function completeLogin(s: Session, email: string, password: string): Promise<Reply> {
  const trimmedEmail = email.trim();
  if (!trimmedEmail.includes('@') || password.length === 0) {
    throw new CoreError('usage', 'Login needs your Co-op email and password.', {
      usage: 'login',
      example: 'login basil@fawltytowers.com',
    });
  }
  const client = s.deps.coop.withCredentials({ email: trimmedEmail, password });
  let groups: Awaited<ReturnType<typeof client.groups>>;
  try {
    groups = await client.groups();
  } catch (error) {
    if (error instanceof CoopError && error.code === 'unauthorized') {
      throw new CoreError(
        'unauthorized',
        'Co-op did not accept that email and password. Nothing was stored.',
      );
    }
    throw error;
  }
  const coopUserId = await findOwnUserId(client, groups[0]?.id, trimmedEmail);
  const account = await s.deps.store.linkAccount({
    ...chatUserRef(s.ctx),
    coopEmail: trimmedEmail,
    password,
    coopUserId,
    displayName: s.ctx.user.displayName,
  });
  const resumed = await resumeOwnedFeeds(s, account.id);
  const feeds = resumed > 0 ? ` ${resumed} paused feed(s) of yours are running again.` : '';
  return privateText(`Logged in as ${trimmedEmail}. Your password is stored encrypted.${feeds}`);
}

/** The caller's own Co-op user id, read from a group's member list (the API has no "me" route). */
async function findOwnUserId(
  client: ReturnType<Session['deps']['coop']['withCredentials']>,
  groupId: number | undefined,
  email: string,
): Promise<number | null> {
  if (groupId === undefined) return null;
  const members = await client.members(groupId);
  return members.find((m) => m.email.toLowerCase() === email.toLowerCase())?.id ?? null;
}

/** Feeds paused because their owner's login stopped working run again once the owner logs in. */
async function resumeOwnedFeeds(s: Session, accountId: number): Promise<number> {
  const owned = await s.deps.store.listSubscriptionsByOwner(accountId);
  const paused = owned.filter((sub) => sub.state === 'paused');
  for (const sub of paused) await s.deps.store.resumeSubscription(sub.id);
  return paused.length;
}

export async function logout(s: Session): Promise<Reply> {
  const existed = await s.deps.store.unlinkAccount(chatUserRef(s.ctx));
  return privateText(
    existed
      ? 'Logged out. Your Co-op password is deleted from the bot; feeds you owned are paused.'
      : 'You were not logged in.',
  );
}

export async function whoami(s: Session): Promise<Reply> {
  const account = await s.linkedAccount();
  if (!account) return privateText('You are not linked to Co-op. Run `login` to link your account.');
  const id = account.coopUserId === null ? '' : ` (Co-op user #${account.coopUserId})`;
  return privateText(`You are linked to Co-op as ${account.coopEmail}${id}.`);
}
