/** An expected failure with the status code and message the client should see (coop-api.md §1.3, §13). */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** §1.3: anything the caller may not see is simply not there. */
export function notFound(): HttpError {
  return new HttpError(404, 'Not found');
}

export function badRequest(message: string): HttpError {
  return new HttpError(400, message);
}

export function unauthorized(
  message = 'Authentication required: HTTP Basic with your email and password',
): HttpError {
  return new HttpError(401, message);
}

export function forbidden(message: string): HttpError {
  return new HttpError(403, message);
}
