import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CoopClient } from '../../../src/coop/client/coop-client.js';
import type { WireFormat } from '../../../src/coop/types.js';
import { createLogger } from '../../../src/log/logger.js';
import { failure } from './demo-clients.js';
import { type Recorded, type RecordingServer, type Reply, startRecordingServer } from './recording-server.js';

const basil = { email: 'basil@fawltytowers.com', password: 'fawlty' };
const MIME = { json: 'application/json', xml: 'application/xml' } as const;

let server: RecordingServer | undefined;
let client: CoopClient | undefined;

async function setup(format: WireFormat, reply: (req: Recorded, i: number) => Reply) {
  server = await startRecordingServer(reply);
  client = new CoopClient({ baseUrl: server.url, format, credentials: basil, retries: 0 });
  return { server, client };
}

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

describe.each(['json', 'xml'] as const)('CoopClient over a stub server (%s)', (format) => {
  it('asks for the format in Accept, and labels bodies with Content-Type', async () => {
    const { server, client } = await setup(format, () => ({
      status: 201,
      headers: { location: '/statuses/77' },
    }));
    expect(await client.postStatus(3, 'a & b <c>')).toBe(77);
    const [req] = server.requests;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/groups/3/statuses');
    expect(req?.headers.accept).toBe(MIME[format]);
    expect(req?.headers['content-type']).toBe(MIME[format]);
    expect(req?.body).toContain(format === 'json' ? '"a & b <c>"' : 'a &amp; b &lt;c&gt;');
  });

  it('sends no Content-Type on GET and DELETE', async () => {
    const { server, client } = await setup(format, () => ({ status: 200, body: '' }));
    await client.deleteStatus(5);
    expect(server.requests[0]?.headers['content-type']).toBeUndefined();
    expect(server.requests[0]?.headers.authorization).toMatch(/^Basic /);
  });

  it('sends Cobot calls with the key in the query and no Authorization', async () => {
    const { server, client } = await setup(format, (_r, i) =>
      i === 0 ? { status: 201, headers: { location: 'http://elsewhere/statuses/9.xml' } } : { status: 200 },
    );
    expect(await client.postCobotStatus(1, 'fawlty key', 'Deployed')).toBe(9);
    await client.deleteCobotStatus(9, 'fawlty key');
    expect(server.requests.map((r) => r.url)).toEqual([
      '/groups/1/statuses?key=fawlty+key',
      '/statuses/9?key=fawlty+key',
    ]);
    for (const r of server.requests) expect(r.headers.authorization).toBeUndefined();
  });

  it('sends the /notes form as the GitHub hook did, JSON whatever the format', async () => {
    const { server, client } = await setup(format, () => ({
      status: 201,
      headers: { location: '/statuses/10' },
    }));
    expect(await client.postCobotNote(1, 'k', 'Ada just committed')).toBe(10);
    const [req] = server.requests;
    expect(req?.headers.authorization).toBeUndefined();
    expect(req?.headers.accept).toBe('application/json');
    expect(req?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(req?.body ?? '')).toEqual({ status: 'Ada just committed', key: 'k' });
  });

  it('reads the day entry id from a nested Location', async () => {
    const { server, client } = await setup(format, () => ({
      status: 201,
      headers: { location: '/groups/1/day_entries/9' },
    }));
    const id = await client.createDayEntry(1, { text: 'Pairing', hours: 0.75, projectId: 111, taskId: 222 });
    expect(id).toBe(9);
    expect(server.requests[0]?.body).toMatch(
      format === 'json' ? /"project_id":111/ : /<project_id>111<\/project_id>/,
    );
  });

  it('turns a 201 without a usable Location into bad_response', async () => {
    const { client } = await setup(format, (_r, i) =>
      i === 0 ? { status: 201 } : { status: 201, headers: { location: '/groups/1' } },
    );
    expect(await failure(client.postStatus(1, 'x'))).toMatchObject({ code: 'bad_response', status: 201 });
    const wrong = await failure(client.postStatus(1, 'x'));
    expect(wrong.message).toContain('/groups/1');
  });

  it('turns a garbage body into bad_response with an excerpt', async () => {
    const garbage = 'Welcome to nginx! <b>this is not Co-op</b> '.repeat(10);
    const { client } = await setup(format, () => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: garbage,
    }));
    const err = await failure(client.userTimeline(1, 2));
    expect(err).toMatchObject({
      code: 'bad_response',
      status: 200,
      method: 'GET',
      path: '/groups/1/users/2',
    });
    expect(err.excerpt).toContain('Welcome to nginx!');
    expect((err.excerpt ?? '').length).toBeLessThanOrEqual(121);
  });

  it('builds paths from numbers and dates only', async () => {
    const { server, client } = await setup(format, () => ({
      status: 200,
      body: format === 'json' ? '[]' : '<statuses type="array"></statuses>',
    }));
    await client.userTimeline(1, 'cobot', { date: '2012-03-03' });
    await client.userTimeline(1, 0);
    await expect(client.userTimeline(1, 2, { date: '../../users/1' })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(client.showStatus(Number.NaN)).rejects.toMatchObject({ code: 'bad_request' });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/groups/1/users/cobot/20120303',
      '/groups/1/users/0',
    ]);
  });

  it('reports a 304 as notModified without parsing, keeping the ETag', async () => {
    const { server, client } = await setup(format, () => ({ status: 304, headers: { etag: '"v1"' } }));
    expect(await client.groupStatusesOn(1, '20120303', { etag: '"v1"' })).toEqual({
      notModified: true,
      etag: '"v1"',
    });
    expect(server.requests[0]?.headers['if-none-match']).toBe('"v1"');
  });

  it('answers T1 with the 403 message rather than an error', async () => {
    const body =
      format === 'json'
        ? '{"errors":["Link your Harvest account first"]}'
        : '<errors><error>Link your Harvest account first</error></errors>';
    const { client } = await setup(format, (_r, i) =>
      i === 0 ? { status: 403, body } : { status: 200, body: '' },
    );
    expect(await client.hasHarvestAccess(1)).toEqual({
      ok: false,
      message: 'Link your Harvest account first',
    });
    expect(await client.hasHarvestAccess(1)).toEqual({ ok: true });
  });

  it('shares the pool with withCredentials clients, each sending its own login', async () => {
    const { server, client } = await setup(format, () => ({ status: 200 }));
    const sybil = client.withCredentials({ email: 'sybil@fawltytowers.com', password: 'fawlty' });
    const nobody = client.withCredentials(undefined);
    await client.deleteStatus(1);
    await sybil.deleteStatus(2);
    await nobody.deleteStatus(3);
    const users = server.requests.map(
      (r) => r.headers.authorization && Buffer.from(r.headers.authorization.slice(6), 'base64').toString(),
    );
    expect(users).toEqual(['basil@fawltytowers.com:fawlty', 'sybil@fawltytowers.com:fawlty', undefined]);
    expect(sybil.format).toBe(format);
  });

  it('logs each call without passwords, keys or headers', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    server = await startRecordingServer((_r, i) =>
      i === 0 ? { status: 201, headers: { location: '/statuses/1' } } : { status: 500 },
    );
    client = new CoopClient({
      baseUrl: server.url,
      format,
      credentials: basil,
      retries: 0,
      logger: createLogger({ level: 'debug', destination }),
    });
    await client.postCobotStatus(1, 'secret-key-123', 'hi');
    await client.groups().catch(() => undefined);
    const log = lines.join('');
    expect(log).toContain('"path":"/groups/1/statuses"');
    expect(log).toContain('"code":"server_error"');
    expect(log).not.toMatch(/secret-key-123|fawlty"|Basic |authorization/i);
  });
});
