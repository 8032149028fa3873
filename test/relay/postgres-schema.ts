import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A PostgreSQL schema per test, for relay tests that need a shared database. TEST_DATABASE_URL
 * names the server and makes it required (CI: a missing server fails the run); without it the
 * dev machine's local server is tried, and `available` is false when none answers.
 */
export interface PostgresSchemas {
  available: boolean;
  baseUrl: string;
  fresh(): Promise<{ url: string; drop: () => Promise<void> }>;
  end(): Promise<void>;
}

export async function postgresSchemas(): Promise<PostgresSchemas> {
  const explicitUrl = process.env.TEST_DATABASE_URL;
  const baseUrl = explicitUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Pool({ connectionString: baseUrl, max: 2, connectionTimeoutMillis: 3000 });
  const available = await admin.query('select 1').then(
    () => true,
    (error: unknown) => {
      if (explicitUrl !== undefined) throw error;
      return false;
    },
  );
  return {
    available,
    baseUrl,
    async fresh() {
      const schema = `coop_bridge_relay_${randomBytes(6).toString('hex')}`;
      await admin.query(`create schema ${schema}`);
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        url: url.toString(),
        drop: async () => {
          await admin.query(`drop schema ${schema} cascade`);
        },
      };
    },
    end: () => admin.end(),
  };
}
