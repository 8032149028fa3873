/**
 * The id of a created record, read from its `Location` header (coop-api.md §4, §6, §13).
 * Accepts relative or absolute URLs, a trailing slash, and a `.xml`/`.json` suffix:
 * `/statuses/123`, `http://host/statuses/123.xml`, `/groups/1/day_entries/9`.
 * The segment before the id must be `collection`, so a Location pointing somewhere else
 * (say `/groups/1`) is not mistaken for the new record. Returns undefined when unusable.
 */
export function idFromLocation(location: string | undefined, collection: string): number | undefined {
  if (location === undefined) return undefined;
  let pathname: string;
  try {
    // The base only resolves relative Locations; its host never matters.
    pathname = new URL(location.trim(), 'http://location.invalid').pathname;
  } catch {
    return undefined;
  }
  const segments = pathname.split('/').filter((s) => s !== '');
  const last = segments.at(-1)?.replace(/\.(xml|json)$/i, '');
  if (segments.at(-2) !== collection || last === undefined || !/^\d{1,15}$/.test(last)) return undefined;
  const id = Number(last);
  return id > 0 ? id : undefined;
}
