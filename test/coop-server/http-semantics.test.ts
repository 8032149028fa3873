import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basic, type DemoServer, demoServer, idFromLocation, TOWERS, type WireStatus } from './support.js';

/** Formats, caching, method override and error bodies (§1.4, §1.5, §10, §11, §13). */
describe('HTTP behaviour', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await demoServer();
  });
  afterEach(() => server.close());

  it('negotiates: suffix beats Accept, Accept JSON gives JSON, default is XML', async () => {
    const auth = { authorization: basic('sybil') };
    const cases: Array<[string, Record<string, string>, string]> = [
      ['/groups/1/statuses.json', { accept: 'application/xml' }, 'application/json'],
      ['/groups/1/statuses.xml', { accept: 'application/json' }, 'application/xml'],
      ['/groups/1/statuses', { accept: 'application/json' }, 'application/json'],
      ['/groups/1/statuses', {}, 'application/xml'],
      ['/groups/1/statuses', { accept: '*/*' }, 'application/xml'],
      ['/groups.json', {}, 'application/json'],
    ];
    for (const [url, headers, type] of cases) {
      const response = await server.app.inject({ url, headers: { ...auth, ...headers } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], `${url} ${JSON.stringify(headers)}`).toBe(
        `${type}; charset=utf-8`,
      );
    }
  });

  it('tolerates Content-Type: application/xml on a GET with no body', async () => {
    const response = await server.app.inject({
      url: `/groups/${TOWERS}/statuses`,
      headers: {
        authorization: basic('sybil'),
        'content-type': 'application/xml',
        accept: 'application/xml',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<statuses type="array">');
  });

  it('sends an ETag and answers a matching If-None-Match with an empty 304', async () => {
    const url = `/groups/${TOWERS}/statuses`;
    const first = await server.call({ url, as: 'sybil' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers['cache-control']).toBe('max-age=0, private, must-revalidate');
    const again = await server.call({ url, as: 'sybil', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses`,
      as: 'polly',
      payload: { status: 'news' },
    });
    const changed = await server.call({ url, as: 'sybil', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('honours _method=put|delete on POST, from the query or a form body', async () => {
    const viaQuery = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/agenda?_method=put`,
      as: 'polly',
      headers: { 'content-type': 'application/xml' },
      payload: '<agenda>via query</agenda>',
    });
    expect(viaQuery.statusCode).toBe(200);
    expect(viaQuery.headers.location).toBe(`/groups/${TOWERS}/agenda`);
    const viaForm = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/my_agenda`,
      as: 'polly',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_method=put&agenda=via+form',
    });
    expect(viaForm.statusCode).toBe(200);
    expect(
      (await server.json<{ agenda: string }>({ url: `/groups/${TOWERS}/agenda`, as: 'polly' })).agenda,
    ).toBe('via query');
    expect(
      (await server.json<{ agenda: string }>({ url: `/groups/${TOWERS}/my_agenda`, as: 'polly' })).agenda,
    ).toBe('via form');

    const created = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses`,
      as: 'polly',
      payload: { status: 'oops' },
    });
    const id = idFromLocation(created);
    const deleted = await server.call({ method: 'POST', url: `/statuses/${id}?_method=delete`, as: 'polly' });
    expect(deleted.statusCode).toBe(200);
    expect(server.db.notes.byId(id)).toBeUndefined();
    expect((await server.call({ method: 'POST', url: `/statuses/${id}`, as: 'polly' })).statusCode).toBe(404);
  });

  it('answers an unreadable body with 400 and a format-matched message, never 500', async () => {
    const bodies: Array<[string, string, string]> = [
      ['application/json', '{"status": ', 'application/json'],
      ['application/xml', '<status>', 'application/xml'],
      ['application/json', '[1, 2]', 'application/json'],
      ['text/plain', 'just words', 'application/xml'],
    ];
    for (const [contentType, payload, expected] of bodies) {
      const response = await server.app.inject({
        method: 'POST',
        url: `/groups/${TOWERS}/statuses`,
        headers: { authorization: basic('sybil'), 'content-type': contentType },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.headers['content-type']).toBe(`${expected}; charset=utf-8`);
      if (expected === 'application/xml')
        expect(response.body).toMatch(/<errors><error>.+<\/error><\/errors>/);
      else expect(response.json()).toEqual({ errors: [expect.any(String)] });
    }
  });

  it('rejects a blank status with 400 and keeps odd input away from a 500', async () => {
    const blank = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses`,
      as: 'sybil',
      payload: { status: '  ' },
    });
    expect(blank.statusCode).toBe(400);
    const odd = [
      { method: 'POST' as const, url: `/groups/${TOWERS}/statuses?status[text][deep]=x` },
      { method: 'POST' as const, url: `/groups/${TOWERS}/statuses?__proto__[polluted]=1&status=ok` },
      { method: 'GET' as const, url: `/groups/${TOWERS}/users/${'9'.repeat(40)}` },
      { method: 'GET' as const, url: '/statuses/user_timeline.json' },
      { method: 'PUT' as const, url: `/groups/${TOWERS}/day_entries/abc` },
      { method: 'POST' as const, url: '/statuses/update.json?group_id=x&status=y' },
    ];
    for (const request of odd) {
      const response = await server.call({ ...request, as: 'sybil' });
      expect(response.statusCode, request.url).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, request.url).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never leaks Fastify's JSON error body to an XML client", async () => {
    const tooBig = await server.app.inject({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses.xml`,
      headers: { authorization: basic('sybil'), 'content-type': 'application/xml' },
      payload: `<status>${'x'.repeat(1_100_000)}</status>`,
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(tooBig.body).toContain('<errors>');
    const badUrl = await server.app.inject({ url: '/groups/%E0%A4%A' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.body).toContain('<errors><error>');
    const unknown = await server.app.inject({ url: '/no/such/route.xml' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<errors><error>Not found</error></errors>');
  });

  it('returns 201 + Location with an empty body on create, and 200 + Location on update', async () => {
    const created = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses.xml`,
      as: 'sybil',
      payload: { status: 'x' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).toBe('');
    expect(created.headers['cache-control']).toBe('no-cache');
    const shown = await server.json<WireStatus>({ url: `/statuses/${idFromLocation(created)}`, as: 'sybil' });
    expect(shown).toMatchObject({ type: 'Note', text: 'x', group_id: TOWERS });
    const updated = await server.call({
      method: 'PUT',
      url: `/groups/${TOWERS}`,
      as: 'basil',
      payload: { group: { name: 'Fawlty Towers Hotel' } },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.location).toBe(`/groups/${TOWERS}`);
    expect((await server.json<{ name: string }[]>({ url: '/groups', as: 'basil' }))[0]?.name).toBe(
      'Fawlty Towers Hotel',
    );
  });

  it('lets only the leader change the group, with a known time zone', async () => {
    const byMember = await server.call({
      method: 'PUT',
      url: `/groups/${TOWERS}`,
      as: 'sybil',
      payload: { group: { name: 'Sybil Towers' } },
    });
    expect(byMember.statusCode).toBe(403);
    const badZone = await server.call({
      method: 'PUT',
      url: `/groups/${TOWERS}.xml`,
      as: 'basil',
      headers: { 'content-type': 'application/xml' },
      payload: '<group><timezone>Atlantis</timezone></group>',
    });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.body).toContain('Atlantis');
  });
});
