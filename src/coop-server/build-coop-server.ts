import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import { silentLogger } from '../log/logger.js';
import { Authenticator } from './auth.js';
import type { CoopDb } from './coop-db.js';
import { handleError, handleNotFound } from './error-handler.js';
import { conditionalGet } from './etag.js';
import { stripFormatSuffix } from './negotiate.js';
import { logRequest } from './request-log.js';
import { registerAgendaRoutes } from './routes/agendas.js';
import { registerGroupRoutes } from './routes/groups.js';
import { registerHarvestCredentialRoutes } from './routes/harvest-credentials.js';
import { CoopRouter, type ServerContext } from './routes/route-kit.js';
import { registerStatusRoutes } from './routes/statuses.js';
import { registerTimeEntryRoutes } from './routes/time-entries.js';
import { registerTwitterStatusRoutes } from './routes/twitter-statuses.js';
import { registerUserRoutes } from './routes/users.js';

export interface CoopServerOptions {
  db: CoopDb;
  logger?: Logger;
  /** The clock, in epoch ms; tests move it to cross days or run timers. */
  now?: () => number;
}

/**
 * The Co-op-compatible API (coop-api.md §4–§8, §10) as a Fastify app that is not yet listening.
 * Routes are registered in a plugin, so hooks a caller adds before `listen`/`inject` (request
 * counters, fault injection) apply to every route.
 */
export function buildCoopServer(options: CoopServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger ?? silentLogger(),
    // Fastify's request lines would log `?key=` verbatim; request-log.ts writes redacted ones.
    logController: new LogController({ disableRequestLogging: true }),
    rewriteUrl: (request) => stripFormatSuffix(request.url ?? '/'),
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 200 },
    // A malformed URL or header is answered in the client's format too, not in Fastify's JSON.
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
  }) as unknown as FastifyInstance;
  const context: ServerContext = {
    db: options.db,
    auth: new Authenticator(options.db),
    now: options.now ?? Date.now,
  };

  // Every body is read as text and parsed in params.ts, whatever its Content-Type claims.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request) => {
    // A blank Content-Type would otherwise be refused before any parser runs.
    if (request.headers['content-type']?.trim() === '') delete request.headers['content-type'];
  });
  app.addHook('onSend', conditionalGet);
  app.addHook('onResponse', logRequest);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  app.register(async (scope) => {
    const router = new CoopRouter();
    registerGroupRoutes(router, context);
    registerStatusRoutes(router, context);
    registerTwitterStatusRoutes(router, context);
    registerTimeEntryRoutes(router, context);
    registerAgendaRoutes(router, context);
    registerUserRoutes(router, context);
    registerHarvestCredentialRoutes(router, context);
    router.mount(scope);
  });
  return app;
}
