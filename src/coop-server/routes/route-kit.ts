import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Codec, RequestParams } from '../../coop/wire/codec.js';
import { codecFor } from '../../coop/wire/codecs.js';
import type { Authenticator } from '../auth.js';
import type { CoopDb } from '../coop-db.js';
import { notFound } from '../http-error.js';
import { negotiate } from '../negotiate.js';
import { methodOverride, requestInput } from '../params.js';

/** What every route needs: storage, authentication and the clock (tests move it). */
export interface ServerContext {
  db: CoopDb;
  auth: Authenticator;
  now: () => number;
}

/** One API call as a handler sees it: parameters merged from every source, the negotiated codec. */
export interface CoopCall {
  request: FastifyRequest;
  params: Record<string, string | undefined>;
  input: RequestParams;
  codec: Codec;
}

/** A handler's answer: a body serialized with `call.codec`, or a status with a Location. */
export interface CoopResult {
  status?: number;
  body?: string;
  location?: string;
}

export type CoopHandler = (call: CoopCall) => CoopResult | Promise<CoopResult>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function contentTypeOf(codec: Codec): string {
  return `${codec.mimeType}; charset=utf-8`;
}

function callOf(request: FastifyRequest): CoopCall {
  return {
    request,
    params: request.params as Record<string, string | undefined>,
    input: requestInput(request),
    codec: codecFor(negotiate(request)),
  };
}

async function run(
  handler: CoopHandler,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const call = callOf(request);
  const result = await handler(call);
  if (result.location) reply.header('Location', result.location);
  return reply
    .code(result.status ?? 200)
    .type(contentTypeOf(call.codec))
    .send(result.body ?? '');
}

/**
 * Collects routes, then mounts them on Fastify. A POST carrying `_method=put|delete` (query or body,
 * coop-api.md §10) runs the PUT or DELETE handler of the same path: the body is needed to decide, so this
 * cannot happen before routing.
 */
export class CoopRouter {
  private readonly table = new Map<string, Map<Method, CoopHandler>>();

  get(url: string, handler: CoopHandler): this {
    return this.add('GET', url, handler);
  }

  post(url: string, handler: CoopHandler): this {
    return this.add('POST', url, handler);
  }

  put(url: string, handler: CoopHandler): this {
    return this.add('PUT', url, handler);
  }

  delete(url: string, handler: CoopHandler): this {
    return this.add('DELETE', url, handler);
  }

  mount(app: FastifyInstance): void {
    for (const [url, handlers] of this.table) {
      for (const [method, handler] of handlers) {
        if (method === 'POST') continue;
        app.route({ method, url, handler: (request, reply) => run(handler, request, reply) });
      }
      if (handlers.has('POST') || handlers.has('PUT') || handlers.has('DELETE')) {
        app.route({
          method: 'POST',
          url,
          handler: (request, reply) => this.runPost(handlers, request, reply),
        });
      }
    }
  }

  private async runPost(
    handlers: Map<Method, CoopHandler>,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const override = methodOverride(requestInput(request));
    const handler = (override && handlers.get(override)) ?? handlers.get('POST');
    if (!handler) throw notFound();
    return run(handler, request, reply);
  }

  private add(method: Method, url: string, handler: CoopHandler): this {
    const handlers = this.table.get(url) ?? new Map<Method, CoopHandler>();
    handlers.set(method, handler);
    this.table.set(url, handlers);
    return this;
  }
}
