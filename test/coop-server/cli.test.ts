import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/coop-server/cli/run-cli.js';
import { openCoopDb } from '../../src/coop-server/coop-db.js';

describe('coop-server CLI (admin commands)', () => {
  let dir: string;
  let dbPath: string;
  let out: string[];
  let err: string[];
  let stdin: string;
  const run = (...argv: string[]) =>
    runCli([...argv, '--db', dbPath], {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      readStdin: async () => stdin,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coop-cli-'));
    dbPath = join(dir, 'data', 'coop.db');
    out = [];
    err = [];
    stdin = '';
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds users, groups and members, and lists them without password hashes', async () => {
    expect(
      await run('user', 'add', 'ada@example.org', '--name', 'Ada King Lovelace', '--password', 'analytical'),
    ).toBe(0);
    stdin = 'engine-secret\n';
    expect(await run('user', 'add', 'charles@example.org', '--name', 'Charles', '--password-stdin')).toBe(0);
    expect(await run('group', 'add', 'Engine Room', '--timezone', 'London', '--key', 'engine-room-key')).toBe(
      0,
    );
    expect(await run('group', 'add', 'Second', '--timezone', 'Eastern Time (US & Canada)')).toBe(0);
    expect(await run('member', 'add', '1', 'ada@example.org', '--leader', '--harvest')).toBe(0);
    expect(await run('user', 'list')).toBe(0);
    expect(await run('group', 'list')).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Created user 1 ada@example.org (Ada King Lovelace)');
    expect(text).toContain('Cobot key: engine-room-key');
    expect(text).toMatch(/Cobot key: [0-9a-f]{32}/);
    expect(text).toContain('Added ada@example.org to group 1 "Engine Room" (leader, Harvest-linked)');
    expect(text).toContain('2\tcharles@example.org\tCharles');
    expect(text).toContain('1\tEngine Room\tLondon\t1 member(s)');
    expect(text).not.toContain('scrypt');
    expect(err).toEqual([]);

    const db = openCoopDb(dbPath);
    expect(db.users.byEmail('ada@example.org')).toMatchObject({
      firstName: 'Ada',
      lastName: 'King Lovelace',
    });
    expect(db.memberships.find(1, 1)).toMatchObject({ leader: true, harvestLinked: true });
    expect(db.users.byEmail('charles@example.org')?.passwordHash).not.toContain('engine-secret');
    db.close();
  });

  it('exits 2 with usage on bad usage', async () => {
    const bad: string[][] = [
      ['user', 'add', 'ada@example.org', '--name', 'Ada'],
      ['user', 'add', 'not-an-email', '--name', 'Ada', '--password', 'secret1'],
      ['user', 'add', 'ada@example.org', '--name', 'Ada', '--password', '123'],
      ['group', 'add', 'G', '--timezone', 'Narnia'],
      ['group', 'add', 'G'],
      ['member', 'add', '1'],
      ['user', 'frob'],
      ['user', 'list', '--leader'],
      ['--port', 'eighty'],
      ['--seed', 'everything'],
    ];
    for (const argv of bad) {
      err = [];
      expect(await run(...argv), argv.join(' ')).toBe(2);
      expect(err.join('\n')).toContain('Usage:');
    }
  });

  it('exits 1 for well-formed commands that cannot be done', async () => {
    await run('user', 'add', 'ada@example.org', '--name', 'Ada', '--password', 'secret1');
    expect(await run('user', 'add', 'ADA@example.org', '--name', 'Ada', '--password', 'secret1')).toBe(1);
    expect(await run('member', 'add', '7', 'ada@example.org')).toBe(1);
    await run('group', 'add', 'G', '--timezone', 'London');
    expect(await run('member', 'add', '1', 'nobody@example.org')).toBe(1);
    expect(await run('member', 'add', '1', 'ada@example.org')).toBe(0);
    expect(await run('member', 'add', '1', 'ada@example.org')).toBe(1);
    expect(err.join('\n')).toContain('already exists');
  });
});
