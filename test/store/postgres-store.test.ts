import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import { ADA } from './fixtures.js';
import { describeStoreContract, type StoreHarness } from './store-contract.js';

/**
 * The same contract against PostgreSQL. TEST_DATABASE_URL names the server; without it the local
 * server of the dev machines is tried, and the suite is skipped (not failed) if none answers.
 * Each test gets its own schema, dropped afterwards.
 */
const explicitUrl = process.env.TEST_DATABASE_URL;
const BASE_URL = explicitUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Pool({ connectionString: BASE_URL, max: 2, connectionTimeoutMillis: 3000 });
const reachable = await admin.query('select 1').then(
  () => true,
  (error: unknown) => {
    if (explicitUrl !== undefined) throw error;
    return false;
  },
);

afterAll(() => admin.end());

function urlWithSchema(schema: string): string {
  const url = new URL(BASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function freshSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `coop_bridge_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  return {
    url: urlWithSchema(schema),
    drop: async () => {
      await admin.query(`drop schema ${schema} cascade`);
    },
  };
}

async function postgresHarness(): Promise<StoreHarness> {
  const { url, drop } = await freshSchema();
  return {
    persistent: true,
    open: (options = {}) =>
      openStore({ url, logger: silentLogger(), env: { COOP_BRIDGE_SECRET: options.secret } }),
    cleanup: drop,
  };
}

describe.skipIf(!reachable)(`PostgreSQL at ${BASE_URL}`, () => {
  describeStoreContract('PostgreSQL', postgresHarness);

  it('needs COOP_BRIDGE_SECRET or a key folder: secret_missing', async () => {
    const { url, drop } = await freshSchema();
    try {
      await expect(openStore({ url, logger: silentLogger(), env: {} })).rejects.toMatchObject({
        code: 'secret_missing',
        message: expect.stringContaining('COOP_BRIDGE_SECRET'),
      });
    } finally {
      await drop();
    }
  });

  it('migrates a fresh schema beside others, with several processes starting together', async () => {
    const env = { COOP_BRIDGE_SECRET: 'the same secret for every process' };
    const neighbour = await freshSchema();
    const fresh = await freshSchema();
    try {
      // Another schema of the same database already holds kysely's tables.
      await (await openStore({ url: neighbour.url, logger: silentLogger(), env })).close();
      const stores = await Promise.all(
        Array.from({ length: 4 }, () => openStore({ url: fresh.url, logger: silentLogger(), env })),
      );
      await stores[0]?.linkAccount(ADA);
      expect((await stores[3]?.getAccountByChatUser(ADA))?.coopEmail).toBe(ADA.coopEmail);
      await Promise.all(stores.map((store) => store.close()));
    } finally {
      await neighbour.drop();
      await fresh.drop();
    }
  });

  it('keeps a key file in the given folder when there is no secret', async () => {
    const { url, drop } = await freshSchema();
    const keyDir = await mkdtemp(join(tmpdir(), 'coop-bridge-pg-key-'));
    try {
      const store = await openStore({ url, logger: silentLogger(), env: {}, keyDir });
      await store.linkAccount(ADA);
      await store.close();
      expect((await stat(join(keyDir, 'secret.key'))).mode & 0o777).toBe(0o600);
      const again = await openStore({ url, logger: silentLogger(), env: {}, keyDir });
      expect((await again.getAccountByChatUser(ADA))?.password).toBe(ADA.password);
      await again.close();
    } finally {
      await drop();
      await rm(keyDir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL unreachable', () => {
  it('fails with store_open_failed and hides the password', async () => {
    const opening = openStore({
      url: 'postgres://bridge:pa55word@127.0.0.1:1/none',
      logger: silentLogger(),
      env: { COOP_BRIDGE_SECRET: 's' },
    });
    await expect(opening).rejects.toMatchObject({ code: 'store_open_failed' });
    await expect(opening).rejects.toSatisfy((error: Error) => !error.message.includes('pa55word'));
  });
});
