import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { RequestParams } from '../coop/wire/codec.js';
import type { CoopDb } from './coop-db.js';
import { unauthorized } from './http-error.js';
import { stringParam } from './params.js';
import { UNUSABLE_HASH, verifyPassword } from './password-hash.js';
import type { GroupRow } from './repositories/groups-repository.js';
import type { UserRow } from './repositories/users-repository.js';

/** Who is calling: a member logged in with Basic, or Cobot holding one group's key (coop-api.md §1.2). */
export type Principal = { kind: 'user'; user: UserRow } | { kind: 'cobot'; group: GroupRow };

const CACHE_LIMIT = 1000;

/**
 * HTTP Basic against scrypt hashes. scrypt is slow on purpose, and pollers send the same header every
 * few seconds, so a verified header is remembered under an HMAC keyed by a per-process secret (never the
 * header itself), bound to the stored hash so a password change forgets it.
 */
export class Authenticator {
  private readonly secret = randomBytes(32);
  private readonly verified = new Map<string, number>();

  constructor(private readonly db: CoopDb) {}

  /** The logged-in member, or a 401 with the Basic challenge. */
  async user(request: FastifyRequest): Promise<UserRow> {
    const header = request.headers.authorization;
    const credentials = header ? parseBasic(header) : undefined;
    if (!header || !credentials) throw unauthorized();
    const user = this.db.users.byEmail(credentials.email);
    const hash = user?.passwordHash ?? UNUSABLE_HASH;
    const cacheKey = createHmac('sha256', this.secret).update(`${header}\0${hash}`).digest('base64');
    if (user && this.verified.get(cacheKey) === user.id) return user;
    const valid = await verifyPassword(credentials.password, hash);
    if (!user?.passwordHash || !valid) throw unauthorized('Invalid email or password');
    this.remember(cacheKey, user.id);
    return user;
  }

  /** The group whose feed key the request carries (query or body), if the key is valid. */
  keyGroup(input: RequestParams): GroupRow | undefined {
    const key = stringParam(input, 'key');
    return key ? this.db.groups.byFeedKey(key) : undefined;
  }

  /** A valid key wins over any Basic credentials: a keyed call never gets a 401 (§1.2). */
  async principal(request: FastifyRequest, input: RequestParams): Promise<Principal> {
    const group = this.keyGroup(input);
    if (group) return { kind: 'cobot', group };
    return { kind: 'user', user: await this.user(request) };
  }

  private remember(cacheKey: string, userId: number): void {
    if (this.verified.size >= CACHE_LIMIT) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(cacheKey, userId);
  }
}

function parseBasic(header: string): { email: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
