/** What a member logs in with: Co-op knew only HTTP Basic with email and password (coop-api.md §1.2). */
export interface Credentials {
  email: string;
  password: string;
}

/**
 * The `Authorization` value for HTTP Basic. Encoded from UTF-8 bytes (not `btoa`, which throws on
 * non-Latin-1 text) and without line breaks, as the Co-op docs asked.
 */
export function basicAuthorization(credentials: Credentials): string {
  const token = Buffer.from(`${credentials.email}:${credentials.password}`, 'utf8').toString('base64');
  return `Basic ${token}`;
}
