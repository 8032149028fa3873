import type { StatementCache } from './statement-cache.js';
import { DAY_ENTRY_SELECT, NOTE_SELECT, type StatusRow } from './status-row.js';

export interface StatusQuery {
  groupId: number;
  /** Only this author's statuses (0 = Cobot). */
  userId?: number;
  /** [fromMs, toMs): one day of the group's zone for the date routes. */
  fromMs?: number;
  toMs?: number;
  /** The undated routes show the 50 newest; the date routes everything. */
  limit?: number;
}

/** Reads Notes and DayEntries together, newest first, as every Co-op list shows them. */
export class StatusesRepository {
  constructor(private readonly sqlite: StatementCache) {}

  list(query: StatusQuery): StatusRow[] {
    const noteWhere = this.where('n', query);
    const entryWhere = this.where('d', query);
    const sql = `SELECT * FROM (${NOTE_SELECT} WHERE ${noteWhere.sql}
      UNION ALL ${DAY_ENTRY_SELECT} WHERE ${entryWhere.sql})
      ORDER BY createdAt DESC, id DESC, type DESC
      ${query.limit === undefined ? '' : 'LIMIT ?'}`;
    const args = [...noteWhere.args, ...entryWhere.args];
    if (query.limit !== undefined) args.push(query.limit);
    return this.sqlite.prepare(sql).all(...args) as StatusRow[];
  }

  private where(alias: string, query: StatusQuery): { sql: string; args: number[] } {
    const clauses = [`${alias}.group_id = ?`];
    const args = [query.groupId];
    if (query.userId !== undefined) {
      clauses.push(`${alias}.user_id = ?`);
      args.push(query.userId);
    }
    if (query.fromMs !== undefined) {
      clauses.push(`${alias}.created_at >= ?`);
      args.push(query.fromMs);
    }
    if (query.toMs !== undefined) {
      clauses.push(`${alias}.created_at < ?`);
      args.push(query.toMs);
    }
    return { sql: clauses.join(' AND '), args };
  }
}
