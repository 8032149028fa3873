import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DemoServer, demoServer, GOURMET, idFromLocation, TOWERS } from './support.js';

/** §1.3: whatever a user could not see in the web UI is 404, never 403. */
describe('404 for what the caller may not see', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await demoServer();
  });
  afterEach(() => server.close());

  it("hides a group the caller is not in (Gourmet Night is Basil's alone)", async () => {
    for (const url of [
      `/groups/${GOURMET}/statuses`,
      `/groups/${GOURMET}`,
      `/groups/${GOURMET}/20120305`,
      `/groups/${GOURMET}/users`,
      `/groups/${GOURMET}/agenda`,
      `/statuses/user_timeline.json?group_id=${GOURMET}`,
    ]) {
      expect((await server.call({ url, as: 'sybil' })).statusCode, url).toBe(404);
    }
    const post = await server.call({
      method: 'POST',
      url: `/groups/${GOURMET}/statuses`,
      as: 'sybil',
      payload: { status: 'x' },
    });
    expect(post.statusCode).toBe(404);
    expect((await server.call({ url: `/groups/${GOURMET}/statuses`, as: 'basil' })).statusCode).toBe(200);
    const groups = await server.json<{ id: number }[]>({ url: '/groups', as: 'sybil' });
    expect(groups.map((g) => g.id)).toEqual([TOWERS]);
  });

  it("hides someone else's note from show and delete", async () => {
    const created = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses`,
      as: 'basil',
      payload: { status: 'mine' },
    });
    const id = idFromLocation(created);
    expect((await server.call({ url: `/statuses/${id}`, as: 'basil' })).statusCode).toBe(200);
    expect((await server.call({ url: `/statuses/${id}`, as: 'sybil' })).statusCode).toBe(404);
    expect((await server.call({ url: `/statuses/show/${id}.json`, as: 'sybil' })).statusCode).toBe(404);
    expect((await server.call({ method: 'DELETE', url: `/statuses/${id}`, as: 'sybil' })).statusCode).toBe(
      404,
    );
    expect((await server.call({ method: 'DELETE', url: `/statuses/${id}`, as: 'basil' })).statusCode).toBe(
      200,
    );
    expect((await server.call({ url: `/statuses/${id}`, as: 'basil' })).statusCode).toBe(404);
  });

  it('does not serve a DayEntry through /statuses/:id', async () => {
    const basil = server.idOf('basil');
    const entry = () =>
      server.db.dayEntries.insert({
        groupId: TOWERS,
        userId: basil,
        text: 'timesheet',
        hours: 1,
        projectId: 111,
        taskId: 222,
        spentAt: '2012-03-05',
        timerStartedAt: null,
        createdAt: server.clock.now,
      });
    let lonely = entry();
    while (server.db.notes.byId(lonely.id)) lonely = entry();
    expect((await server.call({ url: `/statuses/${lonely.id}`, as: 'basil' })).statusCode).toBe(404);
    expect((await server.call({ url: `/statuses/show/${lonely.id}.xml`, as: 'basil' })).statusCode).toBe(404);
    expect(
      (await server.call({ method: 'DELETE', url: `/statuses/${lonely.id}`, as: 'basil' })).statusCode,
    ).toBe(404);
    expect(server.db.dayEntries.byId(lonely.id)).toBeDefined();
  });

  it('404s unknown ids and junk segments, and U2 for anyone but the caller', async () => {
    for (const url of [
      '/groups/999/statuses',
      '/groups/abc',
      '/groups/1/2012030',
      '/groups/1/20121350',
      '/statuses/999999',
      '/groups/1/users/999',
    ]) {
      expect((await server.call({ url, as: 'basil' })).statusCode, url).toBe(404);
    }
    expect((await server.call({ url: `/users/${server.idOf('sybil')}`, as: 'basil' })).statusCode).toBe(404);
    expect(
      (await server.call({ url: `/users/${server.idOf('basil')}/harvest_credential`, as: 'sybil' }))
        .statusCode,
    ).toBe(404);
  });

  it('shows the Cobot key to leaders only', async () => {
    const asBasil = await server.json<{ feed_key: string | null }[]>({ url: '/groups', as: 'basil' });
    const asSybil = await server.json<{ feed_key: string | null }[]>({ url: '/groups', as: 'sybil' });
    expect(asBasil[0]?.feed_key).toBe('fawlty-cobot-key');
    expect(asSybil[0]?.feed_key).toBeNull();
  });
});
