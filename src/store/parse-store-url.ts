import { StoreError } from './store-error.js';

export type StoreLocation =
  | { flavor: 'sqlite' /** A file path, or ':memory:'. */; path: string }
  | { flavor: 'postgres'; url: string };

export const MEMORY = ':memory:';

/**
 * Accepts `sqlite:PATH`, `sqlite://PATH` (so `sqlite:///abs/path` is absolute), `sqlite::memory:`,
 * `:memory:`, a bare path, and `postgres://…` / `postgresql://…`.
 */
export function parseStoreUrl(url: string): StoreLocation {
  const value = url.trim();
  if (value === '') throw invalid(url, 'it is empty');
  if (/^postgres(ql)?:\/\//i.test(value)) return { flavor: 'postgres', url: value };
  if (/^sqlite:/i.test(value)) {
    const rest = value.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '') throw invalid(url, 'it names no file');
    return { flavor: 'sqlite', path };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
  if (scheme !== undefined) {
    throw new StoreError(
      'store_unsupported',
      `The database URL scheme "${scheme}:" is not supported. Use sqlite:PATH, a file path, or postgres://…`,
    );
  }
  return { flavor: 'sqlite', path: value };
}

function invalid(url: string, why: string): StoreError {
  return new StoreError(
    'store_url_invalid',
    `The database URL "${url}" cannot be used: ${why}. Use sqlite:PATH, a file path, or postgres://…`,
  );
}
