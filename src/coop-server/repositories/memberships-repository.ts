import type { StatementCache } from './statement-cache.js';
import type { UserRow } from './users-repository.js';

export interface MembershipRow {
  id: number;
  userId: number;
  groupId: number;
  leader: boolean;
  harvestLinked: boolean;
  agenda: string;
}

export interface NewMembership {
  userId: number;
  groupId: number;
  leader?: boolean;
  harvestLinked?: boolean;
  now: number;
}

export interface MemberAgendaRow {
  userId: number;
  agenda: string;
}

interface RawMembership {
  id: number;
  userId: number;
  groupId: number;
  leader: number;
  harvestLinked: number;
  agenda: string;
}

const USER_COLUMNS = `u.id, u.email, u.first_name AS firstName, u.last_name AS lastName,
  u.password_hash AS passwordHash, u.avatar_url AS avatarUrl, u.city, u.created_at AS createdAt,
  u.updated_at AS updatedAt`;

export class MembershipsRepository {
  constructor(private readonly sqlite: StatementCache) {}

  add(membership: NewMembership): MembershipRow {
    this.sqlite
      .prepare(
        `INSERT INTO memberships (user_id, group_id, leader, harvest_linked, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        membership.userId,
        membership.groupId,
        membership.leader ? 1 : 0,
        membership.harvestLinked ? 1 : 0,
        membership.now,
        membership.now,
      );
    return this.find(membership.userId, membership.groupId) as MembershipRow;
  }

  find(userId: number, groupId: number): MembershipRow | undefined {
    const raw = this.sqlite
      .prepare(
        `SELECT id, user_id AS userId, group_id AS groupId, leader, harvest_linked AS harvestLinked, agenda
         FROM memberships WHERE user_id = ? AND group_id = ?`,
      )
      .get(userId, groupId) as RawMembership | undefined;
    return raw && { ...raw, leader: raw.leader === 1, harvestLinked: raw.harvestLinked === 1 };
  }

  membersOf(groupId: number): UserRow[] {
    return this.sqlite
      .prepare(
        `SELECT ${USER_COLUMNS} FROM users u JOIN memberships m ON m.user_id = u.id
         WHERE m.group_id = ? ORDER BY u.id`,
      )
      .all(groupId) as UserRow[];
  }

  agendasOf(groupId: number): MemberAgendaRow[] {
    return this.sqlite
      .prepare('SELECT user_id AS userId, agenda FROM memberships WHERE group_id = ? ORDER BY user_id')
      .all(groupId) as MemberAgendaRow[];
  }

  setAgenda(userId: number, groupId: number, agenda: string, now: number): void {
    this.sqlite
      .prepare('UPDATE memberships SET agenda = ?, updated_at = ? WHERE user_id = ? AND group_id = ?')
      .run(agenda, now, userId, groupId);
  }
}
