import { type Dispatcher, Pool, RetryAgent } from 'undici';
import type { Logger } from '../../log/logger.js';
import { basicAuthorization, type Credentials } from './basic-auth.js';
import { type CallSite, errorForFailure, errorForStatus } from './http-errors.js';
import { USER_AGENT } from './user-agent.js';

/**
 * The one place that speaks HTTP to Co-op (the @discordjs/rest shape): headers, auth, timeouts,
 * retries and error mapping live here; the resource modules only build paths and parse bodies.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Built from validated numbers and dates only (see paths.ts); no query string. */
  path: string;
  /** Encoded here; text such as a status or a Cobot key goes through this, never into `path`. */
  query?: Record<string, string>;
  /** The MIME type to ask for (§1.4). */
  accept: string;
  body?: { contentType: string; text: string };
  /** Absent: no Authorization header at all, as key-authenticated calls require (§1.2). */
  credentials?: Credentials | undefined;
  /** The call carries a Cobot key (in the query or body) instead of credentials. */
  keyed?: boolean;
  /** Sent as If-None-Match; a 304 then comes back as a response, not an error. */
  ifNoneMatch?: string | undefined;
  /** Values to blank out of any error message (a Cobot key in the query or body). */
  secrets?: readonly string[];
  /**
   * Whether a failed attempt may be repeated. Defaults to true for GET only; `toggle_timer`
   * changes state with a GET (§6) and must say false, or a retry could flip the timer twice.
   */
  idempotent?: boolean;
  /** Non-2xx statuses the caller expects and reads itself (T1's 403) instead of an error. */
  expectStatuses?: readonly number[];
}

export interface HttpResponse {
  status: number;
  /** The first value of a response header, by lower-case name. */
  header(name: string): string | undefined;
  /** The body as text; empty for a 304. */
  body: string;
  site: CallSite;
}

export interface HttpCallOptions {
  baseUrl: string;
  /** Per attempt: the wait for connect, for headers, and between body chunks. Default 10 s. */
  timeoutMs?: number;
  /** Extra attempts for idempotent GETs on network errors and 5xx. Default 2; 0 in most tests. */
  retries?: number;
  /** First backoff delay, doubled per retry, capped at 5 s. Default 250 ms. */
  retryDelayMs?: number;
  logger?: Logger | undefined;
}

const RETRY_STATUSES = [500, 502, 503, 504];
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export class HttpCall {
  readonly timeoutMs: number;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly pool: Pool;
  private readonly retrying: RetryAgent;
  private readonly logger: Logger | undefined;

  constructor(options: HttpCallOptions) {
    const base = new URL(options.baseUrl);
    this.origin = base.origin;
    // A base such as http://host/coop/ serves the API under a prefix.
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.logger = options.logger;
    this.pool = new Pool(this.origin, {
      connections: 8,
      keepAliveTimeout: 4_000,
      connect: { timeout: this.timeoutMs },
      maxResponseSize: MAX_RESPONSE_BYTES,
    });
    // undici's RetryHandler does the backoff. throwOnError: false hands the last 5xx through as
    // an ordinary response, so its body and status reach errorForStatus like any other.
    this.retrying = new RetryAgent(this.pool, {
      maxRetries: Math.max(0, Math.trunc(options.retries ?? 2)),
      minTimeout: options.retryDelayMs ?? 250,
      maxTimeout: 5_000,
      timeoutFactor: 2,
      methods: ['GET'],
      statusCodes: RETRY_STATUSES,
      throwOnError: false,
    });
  }

  /** Resolves for 2xx and 304; rejects with a CoopError for everything else. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const site: CallSite = {
      method: request.method,
      path: this.basePath + request.path,
      secrets: [...(request.secrets ?? []), ...(request.credentials ? [request.credentials.password] : [])],
      auth: request.credentials ? 'basic' : request.keyed ? 'key' : 'none',
    };
    const started = performance.now();
    try {
      const response = await this.dispatch(request, site.path);
      this.logger?.debug(
        {
          method: site.method,
          path: site.path,
          status: response.status,
          ms: Math.round(performance.now() - started),
        },
        'coop call',
      );
      const ok = response.status === 304 || (response.status >= 200 && response.status < 300);
      if (ok || request.expectStatuses?.includes(response.status)) {
        return { ...response, site };
      }
      throw errorForStatus(response.status, response.body, site);
    } catch (err) {
      const error = errorForFailure(err, site, this.timeoutMs);
      this.logger?.debug({ method: site.method, path: site.path, code: error.code }, 'coop call failed');
      throw error;
    }
  }

  /** Closes the pool; calls made afterwards fail with `network`. */
  close(): Promise<void> {
    return this.retrying.close();
  }

  private async dispatch(request: HttpRequest, path: string): Promise<Omit<HttpResponse, 'site'>> {
    const idempotent = request.idempotent ?? request.method === 'GET';
    const dispatcher: Dispatcher = idempotent ? this.retrying : this.pool;
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    const res = await dispatcher.request({
      origin: this.origin,
      path: path + query,
      method: request.method,
      headers: headersFor(request),
      body: request.body?.text,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    // A 304 has no body worth reading: the design asks that it cost no parsing.
    let body = '';
    if (res.statusCode === 304) await res.body.dump();
    else body = await res.body.text();
    return { status: res.statusCode, header: (name) => firstHeader(res.headers, name), body };
  }
}

function headersFor(request: HttpRequest): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: request.accept };
  if (request.body) headers['content-type'] = request.body.contentType;
  if (request.credentials) headers.authorization = basicAuthorization(request.credentials);
  if (request.ifNoneMatch !== undefined) headers['if-none-match'] = request.ifNoneMatch;
  return headers;
}

function firstHeader(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
