import type { StatusKind, StatusMessage } from './status-message.js';

/**
 * What a feed lets through, stored as canonical text in `subscriptions.filter`:
 * `all`, or comma-separated terms `notes`, `time`, `cobot`, `user:<email>`.
 * Kinds combine with "or", users with "or", and kinds with users with "and":
 * `time,user:basil@fawltytowers.com` is Basil's time entries.
 */
export interface FeedFilterSpec {
  kinds: ReadonlySet<StatusKind>;
  /** Lower-cased Co-op emails. */
  users: ReadonlySet<string>;
}

const KIND_OF_TERM: Readonly<Record<string, StatusKind>> = { notes: 'note', time: 'time', cobot: 'cobot' };
const TERM_OF_KIND: Readonly<Record<StatusKind, string>> = { note: 'notes', time: 'time', cobot: 'cobot' };

export const ALL_FILTER: FeedFilterSpec = { kinds: new Set(), users: new Set() };

export function parseFeedFilter(canonical: string): FeedFilterSpec {
  const kinds = new Set<StatusKind>();
  const users = new Set<string>();
  for (const term of canonical.split(',').map((t) => t.trim())) {
    const kind = KIND_OF_TERM[term];
    if (kind) kinds.add(kind);
    else if (term.startsWith('user:')) users.add(term.slice(5).toLowerCase());
  }
  return { kinds, users };
}

export function formatFeedFilter(spec: FeedFilterSpec): string {
  const terms = [
    ...[...spec.kinds].sort().map((k) => TERM_OF_KIND[k]),
    ...[...spec.users].sort().map((u) => `user:${u}`),
  ];
  return terms.length === 0 ? 'all' : terms.join(',');
}

export function statusMatchesFilter(spec: FeedFilterSpec, status: StatusMessage): boolean {
  if (spec.kinds.size > 0 && !spec.kinds.has(status.kind)) return false;
  if (spec.users.size > 0 && !spec.users.has(status.author.email.toLowerCase())) return false;
  return true;
}

const WORDS_OF_KIND: Readonly<Record<StatusKind, string>> = {
  note: 'notes',
  time: 'time entries',
  cobot: 'Cobot notices',
};

/** Words for replies and `feeds`: "every status", "notes or time entries by basil@…". */
export function describeFeedFilter(spec: FeedFilterSpec): string {
  const words = [...spec.kinds].map((k) => WORDS_OF_KIND[k]).sort();
  const kinds = words.length === 0 ? 'every status' : words.join(' or ');
  return spec.users.size === 0 ? kinds : `${kinds} by ${[...spec.users].join(' or ')}`;
}
