import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DemoServer, demoServer, GOURMET, idFromLocation, TOWERS, type WireStatus } from './support.js';

const entry = { text: 'Pairing on the booking form', hours: 0.75, project_id: 111, task_id: 222 };

/** Harvest access, DayEntries and credentials (§6, §8). */
describe('time entries', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await demoServer();
  });
  afterEach(() => server.close());

  it('T1: 200 only with saved credentials and a Harvest link in this group, else 403 with a reason', async () => {
    expect((await server.call({ url: `/groups/${TOWERS}/has_harvest_access`, as: 'basil' })).statusCode).toBe(
      200,
    );
    const unlinked = await server.call({ url: `/groups/${GOURMET}/has_harvest_access`, as: 'basil' });
    expect(unlinked.statusCode).toBe(403);
    expect(unlinked.json()).toEqual({ errors: [expect.stringContaining('not linked')] });
    const noCredential = await server.call({ url: `/groups/${TOWERS}/has_harvest_access.xml`, as: 'sybil' });
    expect(noCredential.statusCode).toBe(403);
    expect(noCredential.body).toContain('<error>No Harvest credentials saved');
  });

  it('T2: creates a DayEntry (201 + Location) that shows in the lists with Harvest names', async () => {
    const response = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/day_entries`,
      as: 'basil',
      payload: { status: entry },
    });
    expect(response.statusCode).toBe(201);
    const id = idFromLocation(response);
    expect(response.headers.location).toBe(`/groups/${TOWERS}/day_entries/${id}`);
    const list = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/20120305`, as: 'sybil' });
    expect(list.find((s) => s.type === 'DayEntry' && s.id === id)).toMatchObject({
      text: 'Pairing on the booking form',
      hours: 0.75,
      client: 'Fawlty Towers',
      project: 'Website',
      task: 'Development',
      spent_at: '2012-03-05',
      timer_started_at: null,
    });
  });

  it('T2: reads the documented XML body with underscored names', async () => {
    const response = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/day_entries.xml`,
      as: 'basil',
      headers: { 'content-type': 'application/xml' },
      payload:
        '<status><text>Logo</text><hours>1.5</hours><project_id>111</project_id><task_id>223</task_id></status>',
    });
    expect(response.statusCode).toBe(201);
    expect(server.db.dayEntries.byId(idFromLocation(response))).toMatchObject({ hours: 1.5, taskId: 223 });
  });

  it('T2: 403 without Harvest access, 400 for unknown projects, tasks or bad hours', async () => {
    const post = (as: string, status: object) =>
      server.call({ method: 'POST', url: `/groups/${TOWERS}/day_entries`, as, payload: { status } });
    expect((await post('sybil', entry)).statusCode).toBe(403);
    expect((await post('basil', { ...entry, project_id: 999 })).statusCode).toBe(400);
    expect((await post('basil', { ...entry, task_id: 224 })).statusCode).toBe(400); // a Gourmet Night task
    expect((await post('basil', { ...entry, hours: -1 })).statusCode).toBe(400);
    expect((await post('basil', { ...entry, hours: 'lots' })).statusCode).toBe(400);
    expect((await post('basil', { text: 'no ids' })).statusCode).toBe(400);
  });

  it('T3: the owner updates (200 + Location); anyone else gets 404', async () => {
    const created = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/day_entries`,
      as: 'basil',
      payload: { status: entry },
    });
    const url = String(created.headers.location);
    const update = await server.call({
      method: 'PUT',
      url,
      as: 'basil',
      payload: { status: { hours: 2, text: 'Longer pairing' } },
    });
    expect(update.statusCode).toBe(200);
    expect(update.headers.location).toBe(url);
    expect(server.db.dayEntries.byId(idFromLocation(created))).toMatchObject({
      hours: 2,
      text: 'Longer pairing',
      projectId: 111,
    });
    expect(
      (await server.call({ method: 'PUT', url, as: 'sybil', payload: { status: { hours: 9 } } })).statusCode,
    ).toBe(404);
    expect(
      (await server.call({ method: 'PUT', url, as: 'basil', payload: { status: { task_id: 226 } } }))
        .statusCode,
    ).toBe(400);
  });

  it('T4: a GET toggles the timer and adds the elapsed time when it stops', async () => {
    const created = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/day_entries`,
      as: 'basil',
      payload: { status: entry },
    });
    const toggle = `${created.headers.location}/toggle_timer`;
    const started = await server.json<WireStatus>({ url: toggle, as: 'basil' });
    expect(started).toMatchObject({
      type: 'DayEntry',
      hours: 0.75,
      timer_started_at: '2012-03-05T12:00:00Z',
    });
    server.clock.now += 90 * 60_000;
    const stopped = await server.json<WireStatus>({ url: toggle, as: 'basil' });
    expect(stopped).toMatchObject({ hours: 2.25, timer_started_at: null });
    expect((await server.call({ url: toggle, as: 'sybil' })).statusCode).toBe(404);
  });

  it('T2 without hours starts a timer, as Harvest does', async () => {
    const { hours: _hours, ...noHours } = entry;
    const created = await server.call({
      method: 'POST',
      url: `/groups/${TOWERS}/day_entries`,
      as: 'basil',
      payload: { status: noHours },
    });
    expect(server.db.dayEntries.byId(idFromLocation(created))).toMatchObject({
      hours: 0,
      timerStartedAt: server.clock.now,
    });
  });
});

describe('Harvest credentials', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await demoServer();
  });
  afterEach(() => server.close());

  const credential = { subdomain: 'fawlty', email: 'sybil@fawltytowers.com', password: 'basil-you-fool' };

  it('H2 validates (400), creates (201 + Location), refuses a second (400); H1 hides the password', async () => {
    const url = `/users/${server.idOf('sybil')}/harvest_credential`;
    const post = (body: object) =>
      server.call({ method: 'POST', url, as: 'sybil', payload: { harvest_credential: body } });
    expect((await post({ ...credential, password: '123' })).statusCode).toBe(400);
    expect((await post({ ...credential, subdomain: 'Not A Subdomain!' })).statusCode).toBe(400);
    const created = await post(credential);
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(url);
    expect((await post(credential)).statusCode).toBe(400);
    const shown = await server.json<Record<string, unknown>>({ url, as: 'sybil' });
    expect(shown).toMatchObject({
      subdomain: 'fawlty',
      email: 'sybil@fawltytowers.com',
      user_id: server.idOf('sybil'),
    });
    expect(JSON.stringify(shown)).not.toContain('basil-you-fool');
    expect(
      (
        await server.json<{ has_harvest_credential: boolean }>({
          url: `/users/${server.idOf('sybil')}`,
          as: 'sybil',
        })
      ).has_harvest_credential,
    ).toBe(true);
    // Credentials alone are not enough: Sybil is not Harvest-linked in the group.
    expect((await server.call({ url: `/groups/${TOWERS}/has_harvest_access`, as: 'sybil' })).statusCode).toBe(
      403,
    );
  });

  it('H3 updates from an XML body (200 + Location); DELETE removes it', async () => {
    const url = `/users/${server.idOf('basil')}/harvest_credential`;
    const put = await server.call({
      method: 'PUT',
      url,
      as: 'basil',
      headers: { 'content-type': 'application/xml' },
      payload:
        '<harvest_credential><subdomain>towers</subdomain><email>basil@fawltytowers.com</email><password>sybil!!</password></harvest_credential>',
    });
    expect(put.statusCode).toBe(200);
    expect(put.headers.location).toBe(url);
    expect((await server.json<{ subdomain: string }>({ url, as: 'basil' })).subdomain).toBe('towers');
    expect((await server.call({ method: 'DELETE', url, as: 'basil' })).statusCode).toBe(200);
    expect((await server.call({ url, as: 'basil' })).statusCode).toBe(404);
    expect((await server.call({ url: `/groups/${TOWERS}/has_harvest_access`, as: 'basil' })).statusCode).toBe(
      403,
    );
  });
});
