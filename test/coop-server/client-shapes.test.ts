import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codecFor } from '../../src/coop/wire/codecs.js';
import {
  basic,
  COBOT_KEY,
  type DemoServer,
  demoServer,
  idFromLocation,
  TOWERS,
  type WireStatus,
} from './support.js';

/** The request shapes real Co-op clients sent (coop-api.md §0, §10), each answered as they expected. */
describe('real client request shapes', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await demoServer();
  });
  afterEach(() => server.close());

  const newest = async (who = 'sybil') =>
    (await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/statuses`, as: who }))[0];

  it('GitHub service hook: JSON {status, key} to /groups/:id/notes, no Authorization → 201 Cobot note', async () => {
    const text = 'basil just committed a change to fawlty/website on GitHub: Fix sign (https://github.com/x)';
    const response = await server.app.inject({
      method: 'POST',
      url: `/groups/${TOWERS}/notes`,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'GitHub Notifier',
      },
      payload: JSON.stringify({ status: text, key: COBOT_KEY }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toMatch(/^\/statuses\/\d+$/);
    const note = await newest();
    expect(note).toMatchObject({ type: 'Note', text, user: { id: 0, name: 'Cobot' } });
    expect(note?.id).toBe(idFromLocation(response));
  });

  it('Eclipse client: form-encoded group_id & status to /statuses/update.xml, Basic, no Accept → exactly 201', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/statuses/update.xml',
      headers: { authorization: basic('sybil'), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'group_id=1&status=Room+12+is+ready+%26+aired',
    });
    expect(response.statusCode).toBe(201);
    expect(response.body === '' || response.body.startsWith('<')).toBe(true);
    expect(await newest()).toMatchObject({
      text: 'Room 12 is ready & aired',
      user: { name: 'Sybil Fawlty' },
    });
  });

  it('ActiveResource hook: <?xml?><status><text>…</text></status> to /groups/:id/statuses.xml', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses.xml`,
      headers: { authorization: basic('basil'), 'content-type': 'application/xml' },
      payload: '<?xml version="1.0" encoding="UTF-8"?><status><text>Pushed 3 commits</text></status>',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toContain('application/xml');
    expect(await newest()).toMatchObject({ text: 'Pushed 3 commits', user: { name: 'Basil Fawlty' } });
  });

  it('beardo: unescaped <status>a & b</status> with Content-Type application/xml is recovered', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses`,
      headers: { authorization: basic('polly'), 'content-type': 'application/xml' },
      payload: '<status>fish & chips</status>',
    });
    expect(response.statusCode).toBe(201);
    expect((await newest())?.text).toBe('fish & chips');
  });

  it('the Ruby gem: empty-body POST with ?status= and Accept XML', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses?status=${encodeURIComponent('Gem says hi')}`,
      headers: { authorization: basic('manuel'), accept: 'application/xml' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(`/statuses/${idFromLocation(response)}`);
    expect((await newest())?.text).toBe('Gem says hi');
  });

  it('JSON body {"status": "…"} and a JSON {"status": {"text": …}} body both create Notes', async () => {
    const bodies = [
      { payload: { status: 'plain' }, text: 'plain' },
      { payload: { status: { text: 'nested' } }, text: 'nested' },
    ];
    for (const { payload, text } of bodies) {
      const response = await server.call({
        method: 'POST',
        url: `/groups/${TOWERS}/statuses.json`,
        as: 'sybil',
        payload,
      });
      expect(response.statusCode).toBe(201);
      expect((await newest())?.text).toBe(text);
    }
  });

  it('key-authenticated create and delete need no Authorization (REST and Twitter-like forms)', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses?key=${COBOT_KEY}`,
      headers: { 'content-type': 'application/xml' },
      payload: '<status>Deploying build 88</status>',
    });
    expect(created.statusCode).toBe(201);
    const viaAlias = await server.app.inject({
      method: 'POST',
      url: `/statuses/update.json?group_id=${TOWERS}&status=Build+88+live&key=${COBOT_KEY}`,
    });
    expect(viaAlias.statusCode).toBe(201);
    expect((await newest())?.user.name).toBe('Cobot');

    const deleted = await server.app.inject({
      method: 'DELETE',
      url: `/statuses/${idFromLocation(created)}?key=${COBOT_KEY}`,
    });
    expect(deleted.statusCode).toBe(200);
    const deletedByPost = await server.app.inject({
      method: 'POST',
      url: `/statuses/destroy/${idFromLocation(viaAlias)}.xml?key=${COBOT_KEY}`,
    });
    expect(deletedByPost.statusCode).toBe(200);
    const texts = (
      await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/users/cobot`, as: 'basil' })
    ).map((s) => s.text);
    expect(texts).not.toContain('Deploying build 88');
    expect(texts).not.toContain('Build 88 live');
  });

  it('a valid key wins over wrong Basic credentials: never a 401', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses?key=${COBOT_KEY}&status=keyed`,
      headers: { authorization: basic('basil', 'wrong-password') },
    });
    expect(response.statusCode).toBe(201);
    expect(await newest()).toMatchObject({ text: 'keyed', user: { id: 0 } });
  });

  it('a key works only for its own group and only on Cobot notes', async () => {
    const otherGroup = await server.app.inject({
      method: 'POST',
      url: `/groups/2/statuses?key=${COBOT_KEY}&status=x`,
    });
    expect(otherGroup.statusCode).toBe(404);
    const basilsNote = (
      await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/users/${server.idOf('basil')}`, as: 'basil' })
    ).find((s) => s.type === 'Note');
    const response = await server.app.inject({
      method: 'DELETE',
      url: `/statuses/${basilsNote?.id}?key=${COBOT_KEY}`,
    });
    expect(response.statusCode).toBe(404);
  });

  it('401 with a Basic challenge for missing or wrong credentials, in the asked format', async () => {
    for (const authorization of [
      undefined,
      basic('sybil', 'nope'),
      basic('nobody@example.org'),
      'Bearer abc',
      'Basic !!!',
    ]) {
      const response = await server.app.inject({
        url: `/groups/${TOWERS}/statuses.xml`,
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Basic realm="Co-op"');
      expect(response.headers['content-type']).toContain('application/xml');
      expect(response.body).toContain('<errors>');
    }
    const keyless = await server.app.inject({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses?key=wrong&status=x`,
    });
    expect(keyless.statusCode).toBe(401);
  });

  it('the XML a client reads back parses with the project codec', async () => {
    const response = await server.app.inject({
      url: `/groups/${TOWERS}/statuses.xml`,
      headers: { authorization: basic('basil') },
    });
    const statuses = codecFor('xml').parseStatuses(response.body);
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.some((s) => s.type === 'DayEntry')).toBe(true);
  });
});
