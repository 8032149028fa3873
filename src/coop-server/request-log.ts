import type { FastifyReply, FastifyRequest } from 'fastify';

const SECRET_PARAMS = /([?&](?:key|password|feed_key)=)[^&]*/gi;

/** The URL as it may be logged: a Cobot key in the query is a password. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

/** One line per request, in place of Fastify's own logging (which would log `?key=` verbatim). */
export async function logRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.log.info(
    {
      method: request.method,
      url: redactUrl(request.originalUrl),
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      userAgent: request.headers['user-agent'],
    },
    'request',
  );
}
