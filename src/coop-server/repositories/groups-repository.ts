import type { StatementCache } from './statement-cache.js';

export interface GroupRow {
  id: number;
  name: string;
  timezone: string;
  feedKey: string;
  agenda: string;
  createdAt: number;
  updatedAt: number;
  membershipsCount: number;
}

export interface NewGroup {
  name: string;
  timezone: string;
  feedKey: string;
  now: number;
}

export interface GroupChanges {
  name?: string;
  timezone?: string;
}

const COLUMNS = `g.id, g.name, g.timezone, g.feed_key AS feedKey, g.agenda, g.created_at AS createdAt,
  g.updated_at AS updatedAt,
  (SELECT COUNT(*) FROM memberships m WHERE m.group_id = g.id) AS membershipsCount`;

export class GroupsRepository {
  constructor(private readonly sqlite: StatementCache) {}

  insert(group: NewGroup): GroupRow {
    const result = this.sqlite
      .prepare(`INSERT INTO groups (name, timezone, feed_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
      .run(group.name, group.timezone, group.feedKey, group.now, group.now);
    return this.byId(Number(result.lastInsertRowid)) as GroupRow;
  }

  byId(id: number): GroupRow | undefined {
    return this.sqlite.prepare(`SELECT ${COLUMNS} FROM groups g WHERE g.id = ?`).get(id) as
      | GroupRow
      | undefined;
  }

  byFeedKey(feedKey: string): GroupRow | undefined {
    return this.sqlite.prepare(`SELECT ${COLUMNS} FROM groups g WHERE g.feed_key = ?`).get(feedKey) as
      | GroupRow
      | undefined;
  }

  list(): GroupRow[] {
    return this.sqlite.prepare(`SELECT ${COLUMNS} FROM groups g ORDER BY g.id`).all() as GroupRow[];
  }

  listForUser(userId: number): GroupRow[] {
    return this.sqlite
      .prepare(
        `SELECT ${COLUMNS} FROM groups g JOIN memberships mine ON mine.group_id = g.id
         WHERE mine.user_id = ? ORDER BY g.id`,
      )
      .all(userId) as GroupRow[];
  }

  update(id: number, changes: GroupChanges, now: number): void {
    this.sqlite
      .prepare(
        `UPDATE groups SET name = COALESCE(?, name), timezone = COALESCE(?, timezone), updated_at = ?
         WHERE id = ?`,
      )
      .run(changes.name ?? null, changes.timezone ?? null, now, id);
  }

  setAgenda(id: number, agenda: string, now: number): void {
    this.sqlite.prepare('UPDATE groups SET agenda = ?, updated_at = ? WHERE id = ?').run(agenda, now, id);
  }
}
