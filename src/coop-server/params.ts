import type { FastifyRequest } from 'fastify';
import type { RequestParams } from '../coop/wire/codec.js';
import { parseRequestBody } from '../coop/wire/request-body.js';
import { badRequest } from './http-error.js';

/**
 * Rails-style params: the query string, a form body, an XML body and a JSON body all land in one
 * object (coop-api.md §0: real clients used each of them). Body values win over the query, as in Rails.
 */
const cache = new WeakMap<FastifyRequest, RequestParams>();

export function requestInput(request: FastifyRequest): RequestParams {
  let input = cache.get(request);
  if (!input) {
    input = { ...queryParams(request.query), ...bodyParams(request) };
    cache.set(request, input);
  }
  return input;
}

function queryParams(query: unknown): RequestParams {
  const params: RequestParams = {};
  if (query && typeof query === 'object') {
    for (const [name, value] of Object.entries(query)) {
      assignNested(params, name, Array.isArray(value) ? String(value.at(-1) ?? '') : String(value));
    }
  }
  return params;
}

function bodyParams(request: FastifyRequest): RequestParams {
  const body = typeof request.body === 'string' ? request.body : '';
  if (body.trim() === '') return {};
  const contentType = request.headers['content-type'];
  if (isForm(contentType, body)) return formParams(body);
  try {
    return parseRequestBody(body, contentType);
  } catch (error) {
    throw badRequest(error instanceof Error ? error.message : 'cannot read request body');
  }
}

/** A form body; clients that send one without a Content-Type get the benefit of the doubt. */
function isForm(contentType: string | undefined, body: string): boolean {
  if (contentType) return contentType.toLowerCase().includes('application/x-www-form-urlencoded');
  return !/^\s*[<{[]/.test(body);
}

function formParams(body: string): RequestParams {
  const params: RequestParams = {};
  for (const [name, value] of new URLSearchParams(body)) assignNested(params, name, value);
  return params;
}

/** `status[text]=a` → `{ status: { text: 'a' } }`, as Rails reads nested form names. */
function assignNested(params: RequestParams, name: string, value: string): void {
  if (/__proto__|constructor|prototype/.test(name)) return; // never let a parameter reach a prototype
  const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(name);
  if (!match) {
    params[name] = value;
    return;
  }
  const keys = [
    match[1] as string,
    ...[...(match[2] as string).matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? ''),
  ];
  let target = params;
  keys.slice(0, -1).forEach((key) => {
    const next = target[key];
    if (!next || typeof next !== 'object' || Array.isArray(next)) target[key] = {};
    target = target[key] as RequestParams;
  });
  const last = keys.at(-1) ?? '';
  target[last] = value;
}

function isRecord(value: unknown): value is RequestParams {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text parameter; numbers are accepted as their decimal form. */
export function stringParam(input: RequestParams, name: string): string | undefined {
  const value = input[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A nested record such as `harvest_credential` or `status`, or the top level when it is absent. */
export function recordParam(input: RequestParams, name: string): RequestParams {
  const value = input[name];
  return isRecord(value) ? value : input;
}

export function integerParam(input: RequestParams, name: string): number | undefined {
  const text = stringParam(input, name)?.trim();
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

export function numberParam(input: RequestParams, name: string): number | undefined {
  const text = stringParam(input, name)?.trim();
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** §4: `status` is either the text itself or a record holding `text`. */
export function statusText(input: RequestParams): string | undefined {
  const status = input.status;
  if (typeof status === 'string') return status;
  return isRecord(status) ? stringParam(status, 'text') : undefined;
}

/** `_method=put|delete` on a POST (Rails' override), from the query or the body. */
export function methodOverride(input: RequestParams): 'PUT' | 'DELETE' | undefined {
  const method = stringParam(input, '_method')?.toUpperCase();
  return method === 'PUT' || method === 'DELETE' ? method : undefined;
}
