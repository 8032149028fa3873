import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log/logger.js';

/** What Slack tells about a member (`users.info`); the email only with the `users:read.email` scope. */
export interface SlackProfile {
  displayName?: string;
  email?: string;
}

export interface UserDirectoryOptions {
  /** How long an answer is reused; default 5 minutes. A failure is reused for a tenth of that. */
  ttlMs?: number;
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number;
  /**
   * How long a caller waits for an answer not yet cached; default 1 500 ms. A login's `trigger_id`
   * lives 3 s: a slow `users.info` must not make the modal too late. The look-up goes on and is cached.
   */
  maxWaitMs?: number;
  now?: () => number;
}

interface Entry {
  expires: number;
  profile: Promise<SlackProfile | undefined>;
}

/**
 * Looks people up with `users.info`, briefly cached (and concurrent look-ups of one person shared).
 * Never throws: a failure means "nothing known", and the command goes on without it.
 */
export class UserDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    options: UserDirectoryOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 2000;
    this.now = options.now ?? Date.now;
    this.maxWaitMs = options.maxWaitMs ?? 1500;
  }

  lookup(userId: string): Promise<SlackProfile | undefined> {
    const now = this.now();
    const cached = this.entries.get(userId);
    if (cached && cached.expires > now) return this.bounded(cached.profile);
    const entry: Entry = { expires: now + this.ttlMs, profile: this.fetch(userId) };
    void entry.profile.then((profile) => {
      if (!profile) entry.expires = this.now() + this.ttlMs / 10;
    });
    this.entries.delete(userId);
    this.entries.set(userId, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return this.bounded(entry.profile);
  }

  private bounded(profile: Promise<SlackProfile | undefined>): Promise<SlackProfile | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.maxWaitMs);
    });
    return Promise.race([profile, late]).finally(() => clearTimeout(timer));
  }

  private async fetch(userId: string): Promise<SlackProfile | undefined> {
    try {
      const { user } = await this.client.users.info({ user: userId });
      const profile = user?.profile;
      const displayName = profile?.display_name || profile?.real_name || user?.real_name || user?.name;
      const email = profile?.email;
      return { ...(displayName ? { displayName } : {}), ...(email ? { email } : {}) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.debug({ userId, reason }, 'users.info failed; going on without a profile');
      return undefined;
    }
  }
}
