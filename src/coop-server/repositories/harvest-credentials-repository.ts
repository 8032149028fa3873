import type { StatementCache } from './statement-cache.js';

export interface HarvestCredentialRow {
  id: number;
  userId: number;
  email: string;
  subdomain: string;
  createdAt: number;
  updatedAt: number;
}

export interface HarvestAccount {
  email: string;
  subdomain: string;
}

const COLUMNS = `id, user_id AS userId, email, subdomain, created_at AS createdAt, updated_at AS updatedAt`;

/** One Harvest login per user. The password is validated, then dropped (see schema.ts). */
export class HarvestCredentialsRepository {
  constructor(private readonly sqlite: StatementCache) {}

  forUser(userId: number): HarvestCredentialRow | undefined {
    return this.sqlite.prepare(`SELECT ${COLUMNS} FROM harvest_credentials WHERE user_id = ?`).get(userId) as
      | HarvestCredentialRow
      | undefined;
  }

  insert(userId: number, account: HarvestAccount, now: number): HarvestCredentialRow {
    this.sqlite
      .prepare(
        `INSERT INTO harvest_credentials (user_id, email, subdomain, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(userId, account.email, account.subdomain, now, now);
    return this.forUser(userId) as HarvestCredentialRow;
  }

  update(userId: number, account: HarvestAccount, now: number): void {
    this.sqlite
      .prepare('UPDATE harvest_credentials SET email = ?, subdomain = ?, updated_at = ? WHERE user_id = ?')
      .run(account.email, account.subdomain, now, userId);
  }

  delete(userId: number): void {
    this.sqlite.prepare('DELETE FROM harvest_credentials WHERE user_id = ?').run(userId);
  }
}
