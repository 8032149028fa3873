import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser } from '../../src/coop-server/cli/admin-commands.js';
import { openCoopDb } from '../../src/coop-server/coop-db.js';
import { verifyPassword } from '../../src/coop-server/password-hash.js';
import { seedDemo } from '../../src/coop-server/seed-demo.js';
import { startCoopServer } from '../../src/coop-server/start-coop-server.js';
import { startTestCoopServer } from '../helpers/coop-server.js';
import { basic, DEMO_NOW } from './support.js';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coop-server-'));
  dirs.push(dir);
  return join(dir, 'nested', 'coop.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const countRows = (db: ReturnType<typeof openCoopDb>, table: string) =>
  (db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('storage', () => {
  it('seeds the demo once: a second seed, or a restart with --seed demo, adds nothing', async () => {
    const path = tempDb();
    const first = await startCoopServer({ port: 0, dbPath: path, seed: 'demo' });
    const tables = ['users', 'groups', 'memberships', 'notes', 'day_entries', 'harvest_credentials'];
    const before = tables.map((t) => countRows(first.db, t));
    await seedDemo(first.db);
    expect(tables.map((t) => countRows(first.db, t))).toEqual(before);
    await first.close();
    const second = await startCoopServer({ port: 0, dbPath: path, seed: 'demo' });
    expect(tables.map((t) => countRows(second.db, t))).toEqual(before);
    expect(before).toEqual([5, 2, 5, 11, 3, 1]); // users include Cobot (id 0)
    await second.close();
  });

  it('stores passwords as salted scrypt hashes, never as text', async () => {
    const path = tempDb();
    const db = openCoopDb(path);
    const secret = 'Tr0ub4dor&3-unmistakable';
    await addUser(db, { email: 'ada@example.org', name: 'Ada Lovelace', password: secret });
    await seedDemo(db, new Date(DEMO_NOW));
    const rows = db.sqlite.prepare('SELECT email, password_hash AS hash FROM users WHERE id <> 0').all() as {
      email: string;
      hash: string;
    }[];
    expect(rows.every((r) => r.hash.startsWith('scrypt$') && !r.hash.includes('fawlty'))).toBe(true);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length); // one salt each
    expect(await verifyPassword(secret, rows[0]?.hash ?? '')).toBe(true);
    expect(await verifyPassword('fawlty', rows.find((r) => r.email.startsWith('basil'))?.hash ?? '')).toBe(
      true,
    );
    db.close();
    expect(readFileSync(path).includes(secret)).toBe(false);
  });

  it('numbers Notes and DayEntries from the same start, so their ids collide', () => {
    const db = openCoopDb(':memory:');
    const group = db.groups.insert({ name: 'G', timezone: 'UTC', feedKey: 'key-key-key', now: 0 });
    const note = db.notes.insert({ groupId: group.id, userId: 0, text: 'n', createdAt: 0 });
    const entry = db.dayEntries.insert({
      groupId: group.id,
      userId: 0,
      text: 'e',
      hours: 1,
      projectId: 111,
      taskId: 222,
      spentAt: '1970-01-01',
      timerStartedAt: null,
      createdAt: 0,
    });
    expect(note.id).toBe(entry.id);
    db.close();
  });
});

describe('startTestCoopServer', () => {
  it('listens on 127.0.0.1 with the demo data and speaks plain HTTP', async () => {
    const server = await startTestCoopServer({ seed: 'demo' });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const url = `${server.url}/groups/1/statuses.json`;
      const first = await fetch(url, { headers: { authorization: basic('sybil') } });
      expect(first.status).toBe(200);
      expect(((await first.json()) as unknown[]).length).toBeGreaterThan(5);
      const etag = first.headers.get('etag') ?? '';
      const cached = await fetch(url, { headers: { authorization: basic('sybil'), 'if-none-match': etag } });
      expect(cached.status).toBe(304);
      const unauthorized = await fetch(url);
      expect(unauthorized.status).toBe(401);
      expect(unauthorized.headers.get('www-authenticate')).toBe('Basic realm="Co-op"');
    } finally {
      await server.close();
    }
  });

  it('starts empty without a seed, and runs configure() before listening (hooks for counters and faults)', async () => {
    let requests = 0;
    const server = await startTestCoopServer({
      configure(app) {
        app.addHook('onRequest', async (request, reply) => {
          requests += 1;
          if (request.headers['x-fault'] === '503') await reply.code(503).send('down for maintenance');
        });
      },
    });
    try {
      expect(server.db.groups.list()).toEqual([]);
      expect((await fetch(`${server.url}/groups.xml`)).status).toBe(401);
      expect((await fetch(`${server.url}/groups.xml`, { headers: { 'x-fault': '503' } })).status).toBe(503);
      expect(requests).toBe(2);
    } finally {
      await server.close();
    }
  });
});
