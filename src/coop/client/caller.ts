import { CoopError } from '../coop-error.js';
import type { Codec } from '../wire/codec.js';
import type { Credentials } from './basic-auth.js';
import type { HttpCall, HttpMethod, HttpRequest, HttpResponse } from './http-call.js';
import { badResponse } from './http-errors.js';
import { idFromLocation } from './location.js';

/** A conditional read's result: a 304 carries no value and cost no parsing. */
export type Conditional<T> =
  | { notModified: true; etag: string }
  | { notModified: false; etag: string | undefined; value: T };

/** How a call authenticates: the member's Basic credentials, or a Cobot key and no login (§1.2). */
export type Auth = 'member' | 'key';

export interface WriteOptions {
  auth?: Auth;
  query?: Record<string, string>;
  /** A request body already encoded, with its Content-Type; defaults to the codec's MIME type. */
  body?: string;
  contentType?: string;
  accept?: string;
  secrets?: readonly string[];
  /** See HttpRequest.idempotent: false stops retries of a state-changing GET. */
  idempotent?: boolean;
  expectStatuses?: readonly number[];
}

/**
 * The format-aware layer between the resource modules and HttpCall: picks auth, Accept and
 * Content-Type, parses bodies with the codec, and reads ids from Location.
 */
export class Caller {
  constructor(
    readonly http: HttpCall,
    readonly codec: Codec,
    readonly credentials: Credentials | undefined,
  ) {}

  /** GET a resource and parse it. */
  async read<T>(path: string, parse: (body: string) => T): Promise<T> {
    const res = await this.http.send(this.request('GET', path, {}));
    return this.parse(res, parse);
  }

  /** GET with If-None-Match; a 304 resolves to `{ notModified: true }` without touching the codec. */
  async readConditional<T>(
    path: string,
    parse: (body: string) => T,
    etag: string | undefined,
  ): Promise<Conditional<T>> {
    const res = await this.http.send({ ...this.request('GET', path, {}), ifNoneMatch: etag });
    const newEtag = res.header('etag');
    if (res.status === 304) return { notModified: true, etag: newEtag ?? etag ?? '' };
    return { notModified: false, etag: newEtag, value: this.parse(res, parse) };
  }

  /**
   * POST a create and return the new record's id from `Location` (§1.5: 201 + Location). Any 2xx
   * naming the new record is taken: clients were told to read only the status and Location (§4).
   */
  async create(path: string, collection: string, options: WriteOptions): Promise<number> {
    const res = await this.http.send(this.request('POST', path, options));
    const id = idFromLocation(res.header('location'), collection);
    if (id === undefined) {
      const location = res.header('location') ?? 'none';
      throw badResponse(
        `No usable Location for the new record (Location: ${location})`,
        res.status,
        res.body,
        res.site,
      );
    }
    return id;
  }

  /** PUT, DELETE or a GET that changes state; the body of the answer is not needed. */
  async write(method: HttpMethod, path: string, options: WriteOptions = {}): Promise<HttpResponse> {
    return this.http.send(this.request(method, path, options));
  }

  /** Parses a body, turning any codec failure into a bad_response that says where it came from. */
  parse<T>(res: HttpResponse, parse: (body: string) => T): T {
    try {
      return parse(res.body);
    } catch (err) {
      const problem = err instanceof CoopError ? err.message : 'The answer could not be read';
      throw badResponse(problem, res.status, res.body, res.site, err);
    }
  }

  /** A JSON-or-XML body in the client's format, for the encoders of the codec. */
  body(text: string): Pick<WriteOptions, 'body' | 'contentType'> {
    return { body: text, contentType: this.codec.mimeType };
  }

  request(method: HttpMethod, path: string, options: WriteOptions): HttpRequest {
    const request: HttpRequest = {
      method,
      path,
      accept: options.accept ?? this.codec.mimeType,
      credentials: options.auth === 'key' ? undefined : this.credentials,
    };
    if (options.auth === 'key') request.keyed = true;
    if (options.query) request.query = options.query;
    if (options.secrets) request.secrets = options.secrets;
    if (options.idempotent !== undefined) request.idempotent = options.idempotent;
    if (options.expectStatuses) request.expectStatuses = options.expectStatuses;
    if (options.body !== undefined) {
      request.body = { contentType: options.contentType ?? this.codec.mimeType, text: options.body };
    }
    return request;
  }
}
