import { mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import { ADA, GENERAL } from './fixtures.js';
import { describeStoreContract, type StoreHarness } from './store-contract.js';

async function fileHarness(): Promise<StoreHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'coop-bridge-store-'));
  const url = `sqlite:${join(dir, 'data', 'coop-bridge.db')}`;
  return {
    persistent: true,
    open: (options = {}) =>
      openStore({ url, logger: silentLogger(), env: { COOP_BRIDGE_SECRET: options.secret } }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

async function memoryHarness(): Promise<StoreHarness> {
  return {
    persistent: false,
    open: (options = {}) =>
      openStore({
        url: 'sqlite::memory:',
        logger: silentLogger(),
        env: { COOP_BRIDGE_SECRET: options.secret },
      }),
    cleanup: async () => undefined,
  };
}

describeStoreContract('SQLite file', fileHarness);
describeStoreContract('SQLite :memory:', memoryHarness);

/** A logger whose JSON lines land in an array. */
function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ destination, level: 'debug' }), lines };
}

describe('SQLite store on disk', () => {
  let dir: string;
  let dbPath: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coop-bridge-sqlite-'));
    dbPath = join(dir, 'data', 'coop-bridge.db');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const open = (env: Record<string, string | undefined> = {}, logger = silentLogger()) =>
    openStore({ url: `sqlite:${dbPath}`, logger, env });

  it('creates the folder, uses WAL, and records the migration once across reopens', async () => {
    for (let i = 0; i < 3; i++) await (await open({ COOP_BRIDGE_SECRET: 's' })).close();
    const raw = new SqliteDatabase(dbPath, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const names = raw.prepare('select name from kysely_migration').pluck().all();
      expect(names).toEqual(['0001-initial', '0002-leases']);
    } finally {
      raw.close();
    }
  });

  it('keeps no readable password or Cobot key in the database files', async () => {
    const store = await open({ COOP_BRIDGE_SECRET: 'disk-test-secret' });
    await store.linkAccount({ ...ADA, password: 'hunter2-secret' });
    await store.setChannelCobotKey(GENERAL, 'cobot-key-plaintext');
    await store.close();

    const files = (await readdir(join(dir, 'data'))).filter((name) => name.startsWith('coop-bridge.db'));
    expect(files).toContain('coop-bridge.db');
    for (const name of files) {
      const bytes = await readFile(join(dir, 'data', name));
      expect(bytes.includes('hunter2-secret'), name).toBe(false);
      expect(bytes.includes('cobot-key-plaintext'), name).toBe(false);
    }

    const reopened = await open({ COOP_BRIDGE_SECRET: 'disk-test-secret' });
    expect((await reopened.getAccountByChatUser(ADA))?.password).toBe('hunter2-secret');
    expect((await reopened.getChannel(GENERAL))?.cobotKey).toBe('cobot-key-plaintext');
    await reopened.close();
  });

  it('without COOP_BRIDGE_SECRET, generates a 0600 key file beside the database and says so', async () => {
    const { logger, lines } = capturingLogger();
    const store = await open({}, logger);
    await store.linkAccount(ADA);
    await store.close();

    const keyFile = join(dir, 'data', 'secret.key');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const key = (await readFile(keyFile, 'utf8')).trim();
    expect(key).toMatch(/^[\w-]{43}$/);
    const announcement = lines.find((line) => line.includes('generated a new encryption key file'));
    expect(announcement).toContain(keyFile);
    expect(lines.join('\n')).not.toContain(key);

    // The next start reuses it silently, and its text works as COOP_BRIDGE_SECRET too.
    const quiet = capturingLogger();
    const again = await open({}, quiet.logger);
    expect((await again.getAccountByChatUser(ADA))?.password).toBe(ADA.password);
    await again.close();
    expect(quiet.lines.join('\n')).not.toContain('generated a new encryption key file');
    const viaEnv = await open({ COOP_BRIDGE_SECRET: key });
    expect((await viaEnv.getAccountByChatUser(ADA))?.password).toBe(ADA.password);
    await viaEnv.close();
  });

  it('refuses to start with secret_mismatch when the key file is lost, and creates no new one', async () => {
    await (await open({})).close();
    const keyFile = join(dir, 'data', 'secret.key');
    await unlink(keyFile);
    await expect(open({})).rejects.toMatchObject({
      code: 'secret_mismatch',
      message: expect.stringMatching(/secret\.key.*COOP_BRIDGE_SECRET/),
    });
    await expect(stat(keyFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a key file replaced by another key, naming the file', async () => {
    await (await open({})).close();
    const keyFile = join(dir, 'data', 'secret.key');
    await writeFile(keyFile, 'a-different-key\n', { mode: 0o600 });
    await expect(open({})).rejects.toMatchObject({
      code: 'secret_mismatch',
      message: expect.stringContaining(keyFile),
    });
  });

  it('refuses a database made with COOP_BRIDGE_SECRET when the secret is unset', async () => {
    await (await open({ COOP_BRIDGE_SECRET: 'set-at-first' })).close();
    await expect(open({})).rejects.toMatchObject({ code: 'secret_mismatch' });
  });

  it('reports an unusable path as store_open_failed', async () => {
    const blocker = join(dir, 'not-a-folder');
    await writeFile(blocker, 'x');
    await expect(
      openStore({ url: `sqlite:${join(blocker, 'db.sqlite')}`, logger: silentLogger(), env: {} }),
    ).rejects.toMatchObject({ code: 'store_open_failed' });
  });

  it('reports a file that is not a database as store_open_failed', async () => {
    const junk = join(dir, 'junk.db');
    await writeFile(junk, 'this is not a sqlite database, just some text that is long enough'.repeat(20));
    await expect(openStore({ url: junk, logger: silentLogger(), env: {} })).rejects.toMatchObject({
      code: 'store_open_failed',
    });
  });
});

describe('openStore URLs', () => {
  it('rejects an unknown scheme with store_unsupported', async () => {
    await expect(
      openStore({ url: 'mysql://localhost/db', logger: silentLogger(), env: {} }),
    ).rejects.toMatchObject({
      code: 'store_unsupported',
    });
  });

  it('opens an in-memory database without a secret', async () => {
    const store = await openStore({ url: 'sqlite::memory:', logger: silentLogger(), env: {} });
    expect((await store.linkAccount(ADA)).password).toBe(ADA.password);
    await store.close();
  });
});
