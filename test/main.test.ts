import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm start` as the README shows it, minus npm: the script's own command with piped stdin. */
function start(input: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('npm start with no configuration', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'coop-bridge-main-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs a piped script against the embedded server, keeps data across restarts, never logs the password', async () => {
    const first = await start('/coop login basil@fawltytowers.com fawlty\n/coop post hello from a script\n', {
      DATA_DIR: dataDir,
    });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Logged in as basil@fawltytowers.com');
    expect(first.stdout).toMatch(/posted to Fawlty Towers \(note #\d+\): hello from a script/);

    const second = await start('!timeline\n', { DATA_DIR: dataDir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('hello from a script');

    const log = await readFile(path.join(dataDir, 'coop-bridge.log'), 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain('fawlty"');
    expect(log).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
    const db = await readFile(path.join(dataDir, 'coop-bridge.db'));
    expect(db.includes(Buffer.from('fawlty\u0000'))).toBe(false);
  });

  it('a wrong COOP_BRIDGE_SECRET fails clearly and changes nothing', async () => {
    const secret = 'a-long-enough-secret-1';
    const first = await start('/coop login basil@fawltytowers.com fawlty\n', {
      DATA_DIR: dataDir,
      COOP_BRIDGE_SECRET: secret,
    });
    expect(first.code).toBe(0);
    const wrong = await start('/coop whoami\n', {
      DATA_DIR: dataDir,
      COOP_BRIDGE_SECRET: 'another-secret-entirely',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/secret_mismatch/);
    expect(wrong.stderr).toMatch(/COOP_BRIDGE_SECRET/);
    const again = await start('/coop whoami\n', { DATA_DIR: dataDir, COOP_BRIDGE_SECRET: secret });
    expect(again.stdout).toContain('You are linked to Co-op as basil@fawltytowers.com');
  });

  it('bad settings are all reported at once, naming each variable', async () => {
    const run = await start('', { DATA_DIR: dataDir, COOP_FORMAT: 'yaml', POLL_INTERVAL: '1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('COOP_FORMAT');
    expect(run.stderr).toContain('POLL_INTERVAL');
  });
});
