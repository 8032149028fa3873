/** Stable codes for every way a Co-op call can fail; callers branch on these, never on messages. */
export type CoopErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'bad_request'
  | 'server_error'
  | 'timeout'
  | 'network'
  | 'bad_response';

export interface CoopErrorDetails {
  status?: number;
  method?: string;
  path?: string;
  /** A short excerpt of an unparseable or error body. */
  excerpt?: string;
  /** The server's own words for a 400 or 403 (coop-api.md §13), safe to show a user. */
  serverMessage?: string;
  cause?: unknown;
}

export class CoopError extends Error {
  override readonly name = 'CoopError';
  readonly status: number | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly excerpt: string | undefined;
  readonly serverMessage: string | undefined;

  constructor(
    readonly code: CoopErrorCode,
    message: string,
    details: CoopErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.excerpt = details.excerpt;
    this.serverMessage = details.serverMessage;
  }
}

/** At most `max` characters of a body, on one line, for error messages and logs. */
export function excerptOf(body: string, max = 120): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
