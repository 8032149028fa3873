import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from '../log/logger.js';
import type { Db } from './database.js';

const INT8_OID = 20;

/**
 * A kysely connection over a pg pool. pg returns int8 (bigint) as strings to avoid precision loss;
 * our bigint columns hold ids and epoch milliseconds, far below 2^53, so they are parsed to
 * numbers here, on this pool only (pg's global parser is left alone).
 */
export function openPostgresDb(url: string, logger: Logger): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 5,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would crash
  // the process. The pool replaces the connection on the next query.
  pool.on('error', (error) => logger.warn({ err: error }, 'an idle PostgreSQL connection failed'));
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

/** The URL without its password, for messages and logs. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
