/**
 * Stable codes for every way opening or using the store can fail; callers branch on these,
 * never on messages. Messages say what to fix.
 *
 * - `store_url_invalid`: the database URL or path cannot be understood.
 * - `store_unsupported`: a URL scheme this build does not handle.
 * - `store_open_failed`: the database could not be opened or reached.
 * - `store_migration_failed`: the schema could not be brought up to date.
 * - `secret_missing`: no COOP_BRIDGE_SECRET and nowhere to keep a key file.
 * - `secret_key_file`: the key file cannot be read, written or understood.
 * - `secret_mismatch`: the data was encrypted with another key.
 * - `secret_corrupt`: a stored encrypted value is not in a known format.
 */
export type StoreErrorCode =
  | 'store_url_invalid'
  | 'store_unsupported'
  | 'store_open_failed'
  | 'store_migration_failed'
  | 'secret_missing'
  | 'secret_key_file'
  | 'secret_mismatch'
  | 'secret_corrupt';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
