import type { Database, Statement } from 'better-sqlite3';

/**
 * better-sqlite3 compiles SQL on every `prepare()`, which was a quarter of the server's time per
 * request. The repositories' queries are a small fixed set, so each is compiled once and reused.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  constructor(private readonly sqlite: Database) {}

  prepare(sql: string): Statement<unknown[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
