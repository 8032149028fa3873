import type { StatementCache } from './statement-cache.js';

export const COBOT_USER_ID = 0;

export interface UserRow {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  /** Null for Cobot, who cannot log in. */
  passwordHash: string | null;
  avatarUrl: string | null;
  city: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewUser {
  email: string;
  firstName: string;
  lastName: string;
  passwordHash: string;
  avatarUrl?: string | null;
  city?: string | null;
  now: number;
}

const COLUMNS = `id, email, first_name AS firstName, last_name AS lastName, password_hash AS passwordHash,
  avatar_url AS avatarUrl, city, created_at AS createdAt, updated_at AS updatedAt`;

export class UsersRepository {
  constructor(private readonly sqlite: StatementCache) {}

  insert(user: NewUser): UserRow {
    const result = this.sqlite
      .prepare(
        `INSERT INTO users (email, first_name, last_name, password_hash, avatar_url, city, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        user.email,
        user.firstName,
        user.lastName,
        user.passwordHash,
        user.avatarUrl ?? null,
        user.city ?? null,
        user.now,
        user.now,
      );
    return this.byId(Number(result.lastInsertRowid)) as UserRow;
  }

  byId(id: number): UserRow | undefined {
    return this.sqlite.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  }

  /** Case-insensitive, as email addresses are compared in practice. */
  byEmail(email: string): UserRow | undefined {
    return this.sqlite.prepare(`SELECT ${COLUMNS} FROM users WHERE email = ?`).get(email) as
      | UserRow
      | undefined;
  }

  /** Every real user; Cobot is left out. */
  list(): UserRow[] {
    return this.sqlite
      .prepare(`SELECT ${COLUMNS} FROM users WHERE id <> ? ORDER BY id`)
      .all(COBOT_USER_ID) as UserRow[];
  }
}
