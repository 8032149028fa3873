import { type CreateTableBuilder, type Expression, sql } from 'kysely';
import type { SqlFlavor } from '../database.js';

/**
 * The only DDL that differs between the dialects: an auto-increment integer key.
 * SQLite: INTEGER PRIMARY KEY AUTOINCREMENT, so ids are never reused (the outbox id is the
 * delivery order, and a reused id could confuse a delivered-message record or a nonce).
 * PostgreSQL: a bigint identity column.
 */
export function withId<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  flavor: SqlFlavor,
): CreateTableBuilder<T, C | 'id'> {
  return flavor === 'sqlite'
    ? table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    : table.addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity());
}

/** `CHECK (column IN ('a', 'b'))`, for text enumerations. */
export function oneOf(column: string, values: readonly string[]): Expression<unknown> {
  const list = sql.join(values.map((value) => sql.lit(value)));
  return sql`${sql.ref(column)} in (${list})`;
}

export const PLATFORMS = ['slack', 'discord', 'shell'] as const;
export const STATUS_TYPES = ['Note', 'DayEntry'] as const;
