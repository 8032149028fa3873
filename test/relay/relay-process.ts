import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** A test script run as its own Node process (`node --import tsx`), watched through its stdout. */
export interface ChildRun {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves when the child printed a line starting with `marker` (at any time so far). */
  printed(marker: string): Promise<void>;
  /** How many lines so far start with `marker`. */
  count(marker: string): number;
  stderr(): string;
}

export function runScript(script: string, argument: unknown): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, script), JSON.stringify(argument)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<{ marker: string; resolve: () => void }> = [];
  const has = (marker: string) => out.split('\n').some((line) => line.startsWith(marker));
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of waiters) if (has(w.marker)) w.resolve();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    exited,
    printed: (marker) =>
      new Promise<void>((done, fail) => {
        if (has(marker)) return done();
        waiters.push({ marker, resolve: done });
        exited.then(() => fail(new Error(`child exited before printing ${marker}: ${out} ${err}`)));
      }),
    count: (marker) => out.split('\n').filter((line) => line.startsWith(marker)).length,
    stderr: () => err,
  };
}
