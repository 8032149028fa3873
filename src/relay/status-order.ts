import type { Status, StatusKey } from '../coop/types.js';

/** Co-op's page size for the undated lists (coop-api.md §4, §5): the 50 newest statuses. */
export const COOP_WINDOW = 50;

export function keyOf(status: StatusKey): string {
  return `${status.type}:${status.id}`;
}

/** Oldest first: by creation time, then id, then type (ids collide across types). */
export function oldestFirst(a: Status, b: Status): number {
  return a.createdAt.epochMs - b.createdAt.epochMs || a.id - b.id || a.type.localeCompare(b.type);
}

/** One of each (type, id), the later copy winning, oldest first. */
export function mergeStatuses(...lists: readonly (readonly Status[])[]): Status[] {
  const byKey = new Map<string, Status>();
  for (const list of lists) for (const status of list) byKey.set(keyOf(status), status);
  return [...byKey.values()].sort(oldestFirst);
}
