import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoopClient } from '../../../src/coop/client/coop-client.js';
import { type ReplayServer, startReplayServer } from './replay-server.js';

// The raw March 2012 captures of the evanwalsh/coop gem (see test/fixtures/coop/SOURCES.md).
const dir = fileURLToPath(
  new URL('../../fixtures/coop/evanwalsh-coop/first-commit-902c8ce-with-headers/', import.meta.url),
);

const routes: Record<string, string> = {
  'GET /groups/12345/statuses': `${dir}statuses.json`,
  'GET /groups/12345/users/12345': `${dir}statuses_for_user.json`,
  'GET /groups/12345/20120303': `${dir}statuses_for_date.json`,
  // The gem's user-and-date fixture is a byte-identical copy of the date one (README).
  'GET /groups/12345/users/12345/20120303': `${dir}statuses_for_date.json`,
  'GET /statuses/916273': `${dir}show_status.json`,
  'GET /users/12345': `${dir}user.json`,
  'GET /groups/12345/agenda': `${dir}agenda.json`,
  'GET /groups/12345/my_agenda': `${dir}my_agenda.json`,
  'GET /groups/12345/user_agendas': `${dir}user_agendas.json`,
  'PUT /groups/12345/agenda': `${dir}agenda_update.xml`,
  'PUT /groups/12345/my_agenda': `${dir}my_agenda_update.xml`,
  'PUT /groups/12561': `${dir}group_update.xml`,
  // Not a real capture (coop-api.md §11): a 200 + Location. Replayed only to show the client
  // takes the id from any 2xx that names the new record.
  'POST /groups/12345/statuses': `${dir}status_update.xml`,
};

let server: ReplayServer;
let client: CoopClient;

beforeAll(async () => {
  server = await startReplayServer(routes);
  client = new CoopClient({
    baseUrl: server.url,
    format: 'json',
    credentials: { email: 'evan@massivedanger.com', password: 'x' },
    retries: 0,
  });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

const EST = -300;

describe('replaying the real 2012 captures', () => {
  it('reads the group list with its ETag', async () => {
    const res = await client.groupStatuses(12345);
    expect(res.notModified).toBe(false);
    expect(res.etag).toBe('"e8f73bb4401b224e92e337f2887a7159"');
    if (res.notModified) return;
    expect(res.value.map((s) => [s.type, s.id])).toEqual([
      ['Note', 916273],
      ['Note', 916271],
    ]);
    const [first] = res.value;
    expect(first).toMatchObject({
      text: 'This is an image URL: http://i.imgur.com/vgiiq.jpg',
      groupId: 12345,
      createdAt: { epochMs: Date.UTC(2012, 2, 3, 3, 51, 0), offsetMinutes: EST },
      user: { id: 12345, name: 'Evan Walsh', email: 'evan@massivedanger.com' },
    });
    expect(first?.user.avatarThumbUrl).toBe(
      'http://coopapp.com/uploads/avatars/12345/thumb/9-m.png?1330791782',
    );
  });

  it('reads a user timeline, undated and dated, and a day of the group', async () => {
    const timeline = await client.userTimeline(12345, 12345);
    expect(timeline.map((s) => s.id)).toEqual([916410, 916273, 916271]);
    const day = await client.userTimeline(12345, 12345, { date: '20120303' });
    expect(day.map((s) => s.text)).toEqual(['Bacon slap']);
    const groupDay = await client.groupStatusesOn(12345, '2012-03-03');
    expect(groupDay.notModified === false && groupDay.value.map((s) => s.id)).toEqual([916410]);
  });

  it('reads a single status', async () => {
    const status = await client.showStatus(916273);
    expect(status).toMatchObject({ type: 'Note', id: 916273, groupId: 12561 });
  });

  it('reads the own user record, with its -08:00 times', async () => {
    const user = await client.user(12345);
    expect(user).toMatchObject({
      id: 12345,
      firstName: 'Evan',
      lastName: 'Walsh',
      email: 'evan@massivedanger.com',
      city: null,
      hasHarvestCredential: false,
    });
    expect(user.createdAt?.offsetMinutes).toBe(-480);
  });

  it('reads the three agendas', async () => {
    expect(await client.groupAgenda(12345)).toEqual({
      groupId: 12345,
      agenda: 'This is an agenda',
      agendaHtml: '<p>This is an agenda</p>',
    });
    const mine = await client.myAgenda(12345);
    expect(mine.userId).toBe(12345);
    expect(mine.agenda.split('\n')).toHaveLength(4);
    expect(mine.agendaHtml).toContain('<li>Bacon slap</li>');
    const all = await client.userAgendas(12345);
    expect(all).toHaveLength(1);
    expect(all[0]?.agendaHtml).toContain('- Bacon slap<br />');
  });

  it('takes the header-only update answers (200, Location, no body)', async () => {
    await expect(client.updateGroupAgenda(12345, 'This is an agenda')).resolves.toBeUndefined();
    await expect(client.updateMyAgenda(12345, '* Bacon slap')).resolves.toBeUndefined();
    await expect(client.updateGroup(12561, { name: 'Massive Danger' })).resolves.toBeUndefined();
  });

  it('reads the id from the Location of the (hand-made) create answer', async () => {
    expect(await client.postStatus(12345, 'Bacon slap')).toBe(123456);
    expect(server.seen.at(-1)).toBe('POST /groups/12345/statuses');
  });
});
