import { EventEmitter } from 'node:events';
import Fastify, { type FastifyInstance } from 'fastify';
import { answerMethod, type FakeUser, FakeWorkspace } from './fake-slack-methods.js';

/** One Web API call as the fake received it: form fields, JSON-looking ones decoded. */
export interface RecordedCall {
  seq: number;
  method: string;
  args: Record<string, unknown>;
  /** The request body exactly as sent, to prove what never appears in it. */
  raw: string;
  /** The bearer token, or undefined. */
  token: string | undefined;
  /** `ok`, or what the fake answered instead: `429`, or an error code. */
  outcome: string;
}

/** One POST to a `response_url`. */
export interface RecordedResponse {
  seq: number;
  id: string;
  body: Record<string, unknown>;
  raw: string;
}

export type Failure = { rateLimitedFor: number } | { error: string };

/**
 * A fake Slack Web API on 127.0.0.1 for the real Bolt and WebClient: answers `ok: true` with plausible
 * payloads, records every call and every `response_url` post, and fails the next call to a method on
 * request (a 429 with Retry-After, or a Slack error code). `marks` orders events across servers.
 */
export interface FakeSlack {
  /** For `slackApiUrl` / SLACK_API_URL. */
  apiUrl: string;
  baseUrl: string;
  app: FastifyInstance;
  workspace: FakeWorkspace;
  calls: RecordedCall[];
  responses: RecordedResponse[];
  /** A fresh `response_url` on this fake. */
  responseUrl(id?: string): string;
  failNext(method: string, failure: Failure): void;
  callsTo(method: string, outcome?: string): RecordedCall[];
  /** Resolves with the first value `find` returns, re-checked after every recorded event. */
  waitFor<T>(find: () => T | undefined, timeoutMs?: number): Promise<T>;
  /** A numbered event ("ack", "coop answered") in the same sequence as calls and responses. */
  mark(event: string): number;
  marks: { seq: number; event: string }[];
  close(): Promise<void>;
}

export async function startFakeSlack(options: { users?: FakeUser[] } = {}): Promise<FakeSlack> {
  const app = Fastify({ logger: false });
  const events = new EventEmitter();
  const workspace = new FakeWorkspace(options.users ?? []);
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const marks: { seq: number; event: string }[] = [];
  const failures = new Map<string, Failure[]>();
  let seq = 0;
  let responseIds = 0;

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    const args = decodeArgs(raw, request.headers['content-type']);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const method = request.params.method;
    const failure = failures.get(method)?.shift();
    const outcome = failure ? ('error' in failure ? failure.error : '429') : 'ok';
    calls.push({ seq: ++seq, method, args, raw, token, outcome });
    events.emit('event');
    if (failure && 'rateLimitedFor' in failure) {
      return reply
        .code(429)
        .header('retry-after', String(failure.rateLimitedFor))
        .send({ ok: false, error: 'ratelimited' });
    }
    if (failure) return { ok: false, error: failure.error };
    return answerMethod(workspace, method, args, { baseUrl: baseUrlOf(app) });
  });

  app.post<{ Params: { id: string } }>('/response/:id', async (request) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    responses.push({ seq: ++seq, id: request.params.id, body: JSON.parse(raw || '{}'), raw });
    events.emit('event');
    return { ok: true };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = baseUrlOf(app);
  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    app,
    workspace,
    calls,
    responses,
    marks,
    responseUrl: (id) => `${baseUrl}/response/${id ?? `r${++responseIds}`}`,
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    callsTo: (method, outcome) =>
      calls.filter((c) => c.method === method && (outcome === undefined || c.outcome === outcome)),
    waitFor: (find, timeoutMs = 8000) => waitFor(events, find, timeoutMs),
    mark(event) {
      marks.push({ seq: ++seq, event });
      events.emit('event');
      return seq;
    },
    close: () => app.close(),
  };
}

function baseUrlOf(app: FastifyInstance): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return `http://127.0.0.1:${port}`;
}

/** WebClient sends form fields, objects JSON-encoded; some clients send JSON. */
function decodeArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function waitFor<T>(events: EventEmitter, find: () => T | undefined, timeoutMs: number): Promise<T> {
  const now = find();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = find();
      if (value === undefined) return;
      clearTimeout(timer);
      events.off('event', check);
      resolve(value);
    };
    const timer = setTimeout(() => {
      events.off('event', check);
      reject(new Error(`fake slack: nothing matched within ${timeoutMs} ms`));
    }, timeoutMs);
    events.on('event', check);
  });
}
