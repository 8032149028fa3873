import { randomBytes } from 'node:crypto';
import type { CoopDb } from '../coop-db.js';
import { hashPassword } from '../password-hash.js';
import { zoneOf } from '../present.js';
import { CommandError, UsageError } from './cli-io.js';

/** The administration the API lacks (§9: no membership routes): users, groups, memberships. */

const MIN_PASSWORD_LENGTH = 6;

export interface NewUserArgs {
  email: string;
  name: string;
  password: string;
}

export async function addUser(db: CoopDb, args: NewUserArgs, now = Date.now()): Promise<string> {
  const email = args.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`"${email}" is not an email address`);
  const [firstName = '', ...rest] = args.name.trim().split(/\s+/);
  if (firstName === '') throw new UsageError('--name must not be blank');
  if (args.password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (db.users.byEmail(email)) throw new CommandError(`a user with email ${email} already exists`);
  const passwordHash = await hashPassword(args.password);
  const user = db.users.insert({ email, firstName, lastName: rest.join(' '), passwordHash, now });
  return `Created user ${user.id} ${user.email} (${`${user.firstName} ${user.lastName}`.trim()})`;
}

export function listUsers(db: CoopDb): string[] {
  const users = db.users.list();
  if (users.length === 0) return ['No users.'];
  return users.map((u) => `${u.id}\t${u.email}\t${`${u.firstName} ${u.lastName}`.trim()}`);
}

export interface NewGroupArgs {
  name: string;
  timezone: string;
  key?: string | undefined;
}

export function addGroup(db: CoopDb, args: NewGroupArgs, now = Date.now()): string[] {
  const name = args.name.trim();
  if (name === '') throw new UsageError('the group name must not be blank');
  if (!zoneOf(args.timezone).known) {
    throw new UsageError(
      `unknown time zone "${args.timezone}": use a Rails zone name such as London or "Eastern Time (US & Canada)"`,
    );
  }
  const feedKey = args.key ?? randomBytes(16).toString('hex');
  if (!/^[\w-]{8,}$/.test(feedKey)) throw new UsageError('--key must be 8 or more letters, digits, _ or -');
  if (db.groups.byFeedKey(feedKey)) throw new CommandError('another group already uses that key');
  const group = db.groups.insert({ name, timezone: args.timezone, feedKey, now });
  return [`Created group ${group.id} "${group.name}" (${group.timezone})`, `Cobot key: ${feedKey}`];
}

export function listGroups(db: CoopDb): string[] {
  const groups = db.groups.list();
  if (groups.length === 0) return ['No groups.'];
  return groups.map((g) => `${g.id}\t${g.name}\t${g.timezone}\t${g.membershipsCount} member(s)`);
}

export interface NewMemberArgs {
  groupId: string;
  email: string;
  leader: boolean;
  harvest: boolean;
}

export function addMember(db: CoopDb, args: NewMemberArgs, now = Date.now()): string {
  if (!/^\d+$/.test(args.groupId)) throw new UsageError(`"${args.groupId}" is not a group id`);
  const group = db.groups.byId(Number(args.groupId));
  if (!group) throw new CommandError(`no group with id ${args.groupId}`);
  const user = db.users.byEmail(args.email.trim());
  if (!user) throw new CommandError(`no user with email ${args.email}; add one with: user add`);
  if (db.memberships.find(user.id, group.id))
    throw new CommandError(`${user.email} is already in "${group.name}"`);
  db.memberships.add({
    userId: user.id,
    groupId: group.id,
    leader: args.leader,
    harvestLinked: args.harvest,
    now,
  });
  const roles = [args.leader && 'leader', args.harvest && 'Harvest-linked'].filter(Boolean).join(', ');
  return `Added ${user.email} to group ${group.id} "${group.name}"${roles ? ` (${roles})` : ''}`;
}
