import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { codecFor } from '../coop/wire/codecs.js';
import { HttpError } from './http-error.js';
import { negotiate } from './negotiate.js';
import { contentTypeOf } from './routes/route-kit.js';

export const BASIC_CHALLENGE = 'Basic realm="Co-op"';

/** Every failure answered in the format the client asked for (§13), never Fastify's own JSON. */
export function sendError(request: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  const codec = codecFor(negotiate(request));
  if (status === 401) reply.header('WWW-Authenticate', BASIC_CHALLENGE);
  return reply
    .code(status)
    .type(contentTypeOf(codec))
    .send(codec.serializeErrors([message]));
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) return sendError(request, reply, error.statusCode, error.message);
  const status = 'statusCode' in error ? error.statusCode : undefined;
  // Fastify's own 4xx (body too large, bad Content-Length…) are the client's doing; say so plainly.
  if (status !== undefined && status >= 400 && status < 500) {
    return sendError(request, reply, status, error.message);
  }
  request.log.error({ err: error }, 'request failed');
  return sendError(request, reply, 500, 'Something went wrong on the server');
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendError(request, reply, 404, 'Not found');
}
