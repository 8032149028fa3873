import { createHash } from 'node:crypto';

/** Discord takes a nonce of at most 25 characters. */
export const MAX_NONCE_LENGTH = 25;

/**
 * The relay's nonce as Discord accepts it: as is when short enough, else a stable digest of it, so
 * a send retried after a crash carries the same nonce and `enforce_nonce` drops the duplicate.
 */
export function discordNonce(nonce: string): string {
  if (nonce.length > 0 && nonce.length <= MAX_NONCE_LENGTH) return nonce;
  return `n${createHash('sha256')
    .update(nonce)
    .digest('base64url')
    .slice(0, MAX_NONCE_LENGTH - 1)}`;
}
