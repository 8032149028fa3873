import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { StoreError } from './store-error.js';

/**
 * AES-256-GCM for the few secrets the bot keeps (Co-op passwords, Cobot keys).
 *
 * Stored form: `v1:<iv>:<tag>:<ciphertext>`, each part base64, with a fresh random 12-byte IV per
 * value. The version prefix lets a later format (or key rotation) coexist with old rows.
 *
 * Key: whatever secret string the operator gives (COOP_BRIDGE_SECRET, or the contents of the key
 * file) goes through scrypt (N=16384, r=8, p=1) with the fixed salt below to a 32-byte key. The salt
 * is fixed on purpose: the same secret must give the same key on every start, and a per-install
 * salt would need storing beside the data anyway. scrypt makes guessing a weak secret slow.
 *
 * Each value is bound to its purpose through GCM's additional data, so a ciphertext copied from
 * one column into another does not decrypt.
 */

const VERSION = 'v1';
const KDF_SALT = 'coop-bridge/secret-box/v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SecretPurpose = 'account-password' | 'channel-cobot-key' | 'secret-check';

export class SecretBox {
  /** A JS private field: never shows up in a log, an inspect or a JSON dump of the box. */
  readonly #key: Buffer;

  private constructor(
    key: Buffer,
    /** Where the key came from, for error messages, e.g. "COOP_BRIDGE_SECRET". */
    readonly source: string,
  ) {
    this.#key = key;
  }

  static async fromSecret(secret: string, source: string): Promise<SecretBox> {
    return new SecretBox(await deriveKey(secret), source);
  }

  encrypt(plaintext: string, purpose: SecretPurpose): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(purpose, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':');
  }

  /** Throws `secret_mismatch` when the key is wrong, `secret_corrupt` when the value is malformed. */
  decrypt(stored: string, purpose: SecretPurpose): string {
    const { iv, tag, ciphertext } = parseStored(stored, purpose);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch (cause) {
      // GCM authentication failed: another key (or tampering). Never return garbage plaintext.
      throw new StoreError('secret_mismatch', mismatchMessage(this.source), { cause });
    }
  }
}

export function mismatchMessage(source: string): string {
  return (
    `The stored secrets were encrypted with another key than the one from ${source}. ` +
    'Set COOP_BRIDGE_SECRET to the secret used before, or restore the secret.key file that was ' +
    'beside the database when it was created.'
  );
}

function deriveKey(secret: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, KDF_SALT, KEY_BYTES, { N: 16384, r: 8, p: 1 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function parseStored(stored: string, purpose: SecretPurpose) {
  const parts = stored.split(':');
  const [version, iv, tag, ciphertext] = parts;
  if (parts.length !== 4 || version !== VERSION || iv === undefined || tag === undefined) {
    throw new StoreError(
      'secret_corrupt',
      `A stored ${purpose} is not in a known encrypted format (expected ${VERSION}:iv:tag:ciphertext).`,
    );
  }
  const decoded = {
    iv: Buffer.from(iv, 'base64'),
    tag: Buffer.from(tag, 'base64'),
    ciphertext: Buffer.from(ciphertext ?? '', 'base64'),
  };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) {
    throw new StoreError('secret_corrupt', `A stored ${purpose} has a malformed IV or tag.`);
  }
  return decoded;
}
