import { CoopError, type CoopErrorCode, excerptOf } from '../coop-error.js';

/**
 * A problem found while reading a body: malformed syntax, a wrong shape, a field that cannot be
 * read. Internal to the codec; `guardParse` turns it into a CoopError carrying an excerpt.
 */
export class WireError extends Error {
  override readonly name = 'WireError';
}

/**
 * Runs a parse and guarantees the codec contract: it returns, or throws a CoopError with `code`
 * (`bad_response` for responses, `bad_request` for request bodies), a message naming what was being
 * read, and a short excerpt of the body. Unexpected errors (a library throwing on a hostile tag
 * name, a bug) are wrapped too, so a caller never sees a TypeError.
 */
export function guardParse<T>(
  body: string,
  what: string,
  parse: () => T,
  code: CoopErrorCode = 'bad_response',
): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CoopError && error.code === code) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CoopError(code, `cannot read ${what}: ${reason}`, {
      excerpt: excerptOf(body),
      cause: error,
    });
  }
}
