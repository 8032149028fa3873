import { webApi } from '@slack/bolt';

/** A short, secret-free description of a Slack failure for logs and users: the code, or the kind. */
export function describeSlackError(error: unknown): string {
  if (error instanceof webApi.WebAPIPlatformError) return error.data.error;
  if (error instanceof webApi.WebAPIRateLimitedError) return `rate limited for ${error.retryAfter}s`;
  if (error instanceof webApi.WebAPIHTTPError) return `HTTP ${error.statusCode}`;
  if (error instanceof webApi.WebAPIRequestError) return 'Slack could not be reached';
  if (error instanceof Error) return error.name === 'Error' ? error.message : error.name;
  return 'unknown error';
}
