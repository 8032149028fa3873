import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../log/logger.js';
import { StoreError } from './store-error.js';

/**
 * The key file used when COOP_BRIDGE_SECRET is not set: 32 random bytes, base64url, on one line.
 * Its text is used exactly as COOP_BRIDGE_SECRET would be, so moving to the variable is a copy:
 * `COOP_BRIDGE_SECRET="$(cat data/secret.key)"`.
 */
export async function readOrCreateKeyFile(
  path: string,
  options: { mayCreate: boolean; logger: Logger },
): Promise<string> {
  const existing = await readKeyFile(path, options.logger);
  if (existing !== undefined) return existing;
  if (!options.mayCreate) {
    // Creating a fresh key now would only hide the loss: the stored secrets need the old one.
    throw new StoreError(
      'secret_mismatch',
      `The database holds secrets encrypted with a key, but the key file ${path} is missing. ` +
        'Restore that file, or set COOP_BRIDGE_SECRET to the secret that was used.',
    );
  }
  return createKeyFile(path, options.logger);
}

async function readKeyFile(path: string, logger: Logger): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw keyFileError(`cannot be read (${errorText(error)})`, path, error);
  }
  const secret = text.trim();
  if (secret === '') throw keyFileError('is empty', path);
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) {
    logger.warn(
      { keyFile: path, mode: (mode & 0o777).toString(8) },
      'key file is readable by others; chmod 600 it',
    );
  }
  return secret;
}

async function createKeyFile(path: string, logger: Logger): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  try {
    await mkdir(dirname(path), { recursive: true });
    // 'wx': never overwrite a key another process created a moment ago.
    await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (isErrno(error, 'EEXIST')) {
      const raced = await readKeyFile(path, logger);
      if (raced !== undefined) return raced;
    }
    throw keyFileError(`cannot be created (${errorText(error)})`, path, error);
  }
  logger.info(
    { keyFile: path },
    'generated a new encryption key file for stored passwords (mode 0600); back it up with the database, ' +
      'or set COOP_BRIDGE_SECRET instead',
  );
  return secret;
}

function keyFileError(problem: string, path: string, cause?: unknown): StoreError {
  return new StoreError(
    'secret_key_file',
    `The encryption key file ${path} ${problem}. Fix the file, or set COOP_BRIDGE_SECRET.`,
    { cause },
  );
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
