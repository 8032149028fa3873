import { randomBytes } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import type { Db } from './database.js';
import { readOrCreateKeyFile } from './key-file.js';
import { mismatchMessage, SecretBox } from './secret-box.js';
import { StoreError } from './store-error.js';
import { getMeta, insertMetaIfAbsent } from './tables/meta.js';

const CHECK_KEY = 'secret_check';
const CHECK_PLAINTEXT = 'coop-bridge secret check v1';

export interface KeySettings {
  /** COOP_BRIDGE_SECRET; blank counts as unset. */
  secret: string | undefined;
  /** Where the key file lives (or is created) when there is no secret. */
  keyFile: string | undefined;
  /** For an in-memory database with no secret: a random key that dies with the process. */
  ephemeral: boolean;
  logger: Logger;
}

/**
 * Picks the key and proves it is the right one before anything is read: the first open stores a
 * known value encrypted under the key in `meta`; every later open must decrypt it. A wrong key is
 * thus `secret_mismatch` at startup, not a confusing failure at someone's next login.
 */
export async function loadSecretBox(db: Db, settings: KeySettings): Promise<SecretBox> {
  const stored = await getMeta(db, CHECK_KEY);
  const box = await chooseKey(settings, stored === undefined);
  if (stored === undefined) {
    await insertMetaIfAbsent(db, CHECK_KEY, box.encrypt(CHECK_PLAINTEXT, 'secret-check'));
  }
  // Read back even after writing: another process may have initialized first with another key.
  const check = (await getMeta(db, CHECK_KEY)) ?? '';
  if (box.decrypt(check, 'secret-check') !== CHECK_PLAINTEXT) {
    throw new StoreError('secret_mismatch', mismatchMessage(box.source));
  }
  return box;
}

async function chooseKey(settings: KeySettings, fresh: boolean): Promise<SecretBox> {
  if (settings.secret !== undefined && settings.secret !== '') {
    return SecretBox.fromSecret(settings.secret, 'COOP_BRIDGE_SECRET');
  }
  if (settings.keyFile !== undefined) {
    const secret = await readOrCreateKeyFile(settings.keyFile, { mayCreate: fresh, logger: settings.logger });
    return SecretBox.fromSecret(secret, `the key file ${settings.keyFile}`);
  }
  if (settings.ephemeral) {
    settings.logger.debug('in-memory store without COOP_BRIDGE_SECRET: using a throwaway key');
    return SecretBox.fromSecret(randomBytes(32).toString('base64url'), 'a throwaway in-memory key');
  }
  throw new StoreError(
    'secret_missing',
    'No key to encrypt stored passwords: set COOP_BRIDGE_SECRET (any long random string), ' +
      'or give the store a data folder for its secret.key file.',
  );
}
