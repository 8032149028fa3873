import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Conditional GETs (coop-api.md §11; the relay polls with If-None-Match): every successful read gets
 * an ETag, the MD5 of its body as Rails made it, and a matching If-None-Match gets 304 with no body.
 * Writes are marked `no-cache`, as the 2012 captures show.
 */
export async function conditionalGet(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  if (!isRead || reply.statusCode !== 200 || typeof payload !== 'string') {
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-cache');
    return payload;
  }
  const etag = `"${createHash('md5').update(payload).digest('hex')}"`;
  reply.header('ETag', etag);
  reply.header('Cache-Control', 'max-age=0, private, must-revalidate');
  if (matches(request.headers['if-none-match'], etag)) {
    reply.code(304);
    return '';
  }
  return payload;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
