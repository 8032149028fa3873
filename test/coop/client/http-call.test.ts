import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpCall, type HttpCallOptions } from '../../../src/coop/client/http-call.js';
import { failure } from './demo-clients.js';
import {
  type Recorded,
  type RecordingServer,
  type Reply,
  refusedUrl,
  startRecordingServer,
} from './recording-server.js';

const version = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;
const creds = { email: 'zoë@example.org', password: 'pässwörd:ü' };

let server: RecordingServer | undefined;
let http: HttpCall | undefined;

async function setup(reply?: (req: Recorded, i: number) => Reply, opts: Partial<HttpCallOptions> = {}) {
  server = await startRecordingServer(reply);
  http = new HttpCall({ baseUrl: server.url, retries: 0, retryDelayMs: 1, ...opts });
  return { server, http };
}

afterEach(async () => {
  await http?.close();
  await server?.close();
  http = undefined;
  server = undefined;
});

describe('HttpCall headers', () => {
  it('names itself, asks for the format, and sends UTF-8 Basic auth', async () => {
    const { server, http } = await setup();
    await http.send({ method: 'GET', path: '/groups', accept: 'application/xml', credentials: creds });
    const [req] = server.requests;
    expect(req?.headers['user-agent']).toBe(`coop-bridge/${version}`);
    expect(req?.headers.accept).toBe('application/xml');
    expect(req?.headers['content-type']).toBeUndefined();
    const auth = req?.headers.authorization ?? '';
    expect(auth.startsWith('Basic ')).toBe(true);
    expect(Buffer.from(auth.slice(6), 'base64').toString('utf8')).toBe('zoë@example.org:pässwörd:ü');
  });

  it('sends no Authorization at all without credentials (key calls)', async () => {
    const { server, http } = await setup(() => ({ status: 201, headers: { location: '/statuses/5' } }));
    await http.send({
      method: 'POST',
      path: '/groups/1/statuses',
      query: { key: 'k&y=1' },
      accept: 'application/json',
      body: { contentType: 'application/json', text: '{"status":"hi"}' },
    });
    const [req] = server.requests;
    expect(req?.headers.authorization).toBeUndefined();
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.url).toBe('/groups/1/statuses?key=k%26y%3D1');
    expect(req?.body).toBe('{"status":"hi"}');
  });

  it('serves an API under a base path and sends If-None-Match; a 304 is an answer', async () => {
    const { server } = await setup(() => ({ status: 304, headers: { etag: '"abc"' } }));
    const prefixed = new HttpCall({ baseUrl: `${server.url}/coop/`, retries: 0 });
    const res = await prefixed.send({
      method: 'GET',
      path: '/groups/1/statuses',
      accept: 'application/json',
      ifNoneMatch: '"abc"',
    });
    await prefixed.close();
    expect(res.status).toBe(304);
    expect(res.body).toBe('');
    expect(res.header('ETag')).toBe('"abc"');
    expect(server.requests[0]?.url).toBe('/coop/groups/1/statuses');
    expect(server.requests[0]?.headers['if-none-match']).toBe('"abc"');
  });

  it('reuses keep-alive connections across calls', async () => {
    const { server, http } = await setup();
    for (let i = 0; i < 6; i++)
      await http.send({ method: 'GET', path: '/groups', accept: 'application/json' });
    // Back-to-back calls may open a second socket before the first is released; never one per call.
    const ports = new Set(server.requests.map((r) => r.remotePort));
    expect(server.requests).toHaveLength(6);
    expect(ports.size).toBeLessThanOrEqual(2);
  });
});

describe('HttpCall errors', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [400, 'bad_request'],
    [500, 'server_error'],
    [502, 'server_error'],
  ])('maps %i to %s with status, method and path, and no password', async (status, code) => {
    const { http } = await setup(() => ({
      status,
      body: `<errors><error>as ${creds.email}</error></errors>`,
    }));
    const err = await failure(
      http.send({ method: 'GET', path: '/groups', accept: 'application/xml', credentials: creds }),
    );
    expect(err).toMatchObject({ code, status, method: 'GET', path: '/groups' });
    expect(err.message).not.toContain(creds.password);
    expect(err.message).not.toMatch(/authorization|basic /i);
  });

  it('keeps the server message of a 400 and 403', async () => {
    const { http } = await setup((_r, i) =>
      i === 0
        ? { status: 400, body: '{"errors":["Harvest credential already exists"]}' }
        : { status: 403, body: '  You have not linked your Harvest account.\n' },
    );
    const bad = await failure(
      http.send({ method: 'POST', path: '/users/1/harvest_credential', accept: 'application/json' }),
    );
    expect(bad.message).toContain('Harvest credential already exists');
    const forbidden = await failure(
      http.send({ method: 'GET', path: '/groups/1/has_harvest_access', accept: 'text/plain' }),
    );
    expect(forbidden.message).toMatch(/You have not linked your Harvest account\.$/);
  });

  it('keeps a Cobot key out of the error path and message', async () => {
    const { http } = await setup(() => ({ status: 401, body: 'bad key s3cr3t-key' }));
    const err = await failure(
      http.send({
        method: 'DELETE',
        path: '/statuses/9',
        query: { key: 's3cr3t-key' },
        accept: 'application/json',
        secrets: ['s3cr3t-key'],
      }),
    );
    expect(err.path).toBe('/statuses/9');
    expect(`${err.message} ${err.excerpt}`).not.toContain('s3cr3t-key');
  });

  it('retries a GET on 5xx, 1 + retries times, then fails with server_error', async () => {
    const { server, http } = await setup(() => ({ status: 500, body: 'boom' }), { retries: 2 });
    const err = await failure(http.send({ method: 'GET', path: '/groups', accept: 'application/json' }));
    expect(err.code).toBe('server_error');
    expect(err.status).toBe(500);
    expect(server.requests).toHaveLength(3);
  });

  it('stops retrying once a GET succeeds', async () => {
    const { server, http } = await setup((_r, i) => (i < 2 ? { status: 500 } : { status: 200, body: '[]' }), {
      retries: 3,
    });
    const res = await http.send({ method: 'GET', path: '/groups', accept: 'application/json' });
    expect(res.body).toBe('[]');
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a POST, nor a GET marked non-idempotent (toggle_timer)', async () => {
    const { server, http } = await setup(() => ({ status: 500 }), { retries: 3 });
    const post = http.send({
      method: 'POST',
      path: '/groups/1/statuses',
      accept: 'application/json',
      body: { contentType: 'application/json', text: '{}' },
    });
    expect((await failure(post)).code).toBe('server_error');
    expect(server.requests).toHaveLength(1);
    const toggle = http.send({
      method: 'GET',
      path: '/groups/1/day_entries/2/toggle_timer',
      accept: 'application/json',
      idempotent: false,
    });
    expect((await failure(toggle)).code).toBe('server_error');
    expect(server.requests).toHaveLength(2);
  });

  it('times out on a server that never answers', async () => {
    const { http } = await setup(() => 'hang', { timeoutMs: 50 });
    const err = await failure(http.send({ method: 'GET', path: '/groups', accept: 'application/json' }));
    expect(err).toMatchObject({ code: 'timeout', method: 'GET', path: '/groups' });
  });

  it('reports a refused connection as network', async () => {
    http = new HttpCall({ baseUrl: await refusedUrl(), retries: 0 });
    const err = await failure(http.send({ method: 'GET', path: '/groups', accept: 'application/json' }));
    expect(err).toMatchObject({ code: 'network', method: 'GET', path: '/groups' });
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('retries a refused GET too, with backoff, then reports network', async () => {
    http = new HttpCall({ baseUrl: await refusedUrl(), retries: 2, retryDelayMs: 1 });
    const err = await failure(http.send({ method: 'GET', path: '/groups', accept: 'application/json' }));
    expect(err.code).toBe('network');
  });
});
