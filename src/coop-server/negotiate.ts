import type { FastifyRequest } from 'fastify';
import type { WireFormat } from '../coop/types.js';

const SUFFIX = /\.(xml|json)$/i;

function splitUrl(url: string): { path: string; query: string } {
  const mark = url.indexOf('?');
  return mark < 0 ? { path: url, query: '' } : { path: url.slice(0, mark), query: url.slice(mark) };
}

/** `/groups/1/statuses.json?x=1` → `/groups/1/statuses?x=1`: routes are declared without suffixes. */
export function stripFormatSuffix(url: string): string {
  const { path, query } = splitUrl(url);
  return path.replace(SUFFIX, '') + query;
}

export function formatFromSuffix(url: string): WireFormat | undefined {
  const match = SUFFIX.exec(splitUrl(url).path);
  return match ? (match[1]?.toLowerCase() as WireFormat) : undefined;
}

function mentions(header: string | undefined, format: WireFormat): number {
  return header ? header.toLowerCase().indexOf(format) : -1;
}

/**
 * The response format (coop-api.md §1.4): the path suffix wins, then Accept, then the request's own
 * Content-Type; anything else gets XML, Co-op's primary format.
 */
export function negotiate(request: FastifyRequest): WireFormat {
  const suffix = formatFromSuffix(request.originalUrl);
  if (suffix) return suffix;
  const accept = request.headers.accept;
  const json = mentions(accept, 'json');
  const xml = mentions(accept, 'xml');
  if (json >= 0 && (xml < 0 || json < xml)) return 'json';
  if (xml >= 0) return 'xml';
  return mentions(request.headers['content-type'], 'json') >= 0 ? 'json' : 'xml';
}
