import { describe, expect, it } from 'vitest';
import type { Author, Note } from '../../../src/coop/types.js';
import { jsonCodec } from '../../../src/coop/wire/json-codec.js';
import { at, fixture, fixtureBody, httpParts } from './fixtures.js';

const HEAD = 'evanwalsh-coop/head-6401a52/';
const RAW = 'evanwalsh-coop/first-commit-902c8ce-with-headers/';

const evan: Author = {
  id: 12345,
  name: 'Evan Walsh',
  email: 'evan@massivedanger.com',
  avatarThumbUrl: 'http://coopapp.com/uploads/avatars/12345/thumb/9-m.png?1330791782',
};

const imageNote: Note = {
  type: 'Note',
  id: 916273,
  text: 'This is an image URL: http://i.imgur.com/vgiiq.jpg',
  groupId: 12345,
  createdAt: at('2012-03-02 22:51:00', -300),
  updatedAt: at('2012-03-02 22:51:00', -300),
  user: evan,
};
const testNote: Note = {
  type: 'Note',
  id: 916271,
  text: 'This is a test post on Co-op',
  groupId: 12345,
  createdAt: at('2012-03-02 22:50:15', -300),
  updatedAt: at('2012-03-02 22:50:15', -300),
  user: evan,
};
const baconNote: Note = {
  type: 'Note',
  id: 916410,
  text: 'Bacon slap',
  groupId: 12345,
  createdAt: at('2012-03-03 12:00:42', -300),
  updatedAt: at('2012-03-03 12:00:42', -300),
  user: evan,
};

describe('evanwalsh/coop 2012 captures (JSON)', () => {
  it('statuses.json: two Notes, newest first, instants keep the group offset', () => {
    const statuses = jsonCodec.parseStatuses(fixture(`${HEAD}statuses.json`));
    expect(statuses).toEqual([imageNote, testNote]);
    expect(statuses[0]?.createdAt.epochMs).toBe(Date.UTC(2012, 2, 3, 3, 51, 0));
    expect(statuses[0]?.createdAt.offsetMinutes).toBe(-300);
  });

  it('statuses_for_user.json: keys in another order read the same', () => {
    expect(jsonCodec.parseStatuses(fixture(`${HEAD}statuses_for_user.json`))).toEqual([
      baconNote,
      imageNote,
      testNote,
    ]);
  });

  it('statuses_for_date.json and its byte-identical copy for user and date', () => {
    expect(jsonCodec.parseStatuses(fixture(`${HEAD}statuses_for_date.json`))).toEqual([baconNote]);
    expect(fixture(`${HEAD}statuses_for_user_and_date.json`)).toBe(fixture(`${HEAD}statuses_for_date.json`));
    expect(jsonCodec.parseStatuses(fixture(`${HEAD}statuses_for_user_and_date.json`))).toEqual([baconNote]);
  });

  it('show_status.json: one Note with the leaked real group id and avatar dir', () => {
    expect(jsonCodec.parseStatus(fixture(`${HEAD}show_status.json`))).toEqual({
      ...imageNote,
      groupId: 12561,
      user: { ...evan, avatarThumbUrl: 'http://coopapp.com/uploads/avatars/24105/thumb/9-m.png?1330884227' },
    });
  });

  it('user.json: own record with -08:00 offsets, city null, no Harvest credential', () => {
    expect(jsonCodec.parseUser(fixture(`${HEAD}user.json`))).toEqual({
      id: 12345,
      email: 'evan@massivedanger.com',
      firstName: 'Evan',
      lastName: 'Walsh',
      avatarThumbUrl: 'http://coopapp.com/uploads/avatars/12345/thumb/9-m.png?1330791782',
      updatedAt: at('2012-03-03 08:23:02', -480),
      city: null,
      hasHarvestCredential: false,
      createdAt: at('2012-03-02 19:39:35', -480),
    });
  });

  it('users.json: one member whose avatar stamp is the updated_at epoch', () => {
    const members = jsonCodec.parseMembers(fixture(`${HEAD}users.json`));
    expect(members).toEqual([
      {
        id: 24105,
        email: 'evan@massivedanger.com',
        firstName: 'Evan',
        lastName: 'Walsh',
        avatarThumbUrl: 'http://coopapp.com/uploads/avatars/24105/thumb/9-m.png?1331258133',
        updatedAt: at('2012-03-08 20:55:33', -300),
        city: null,
      },
    ]);
    expect(members[0]?.updatedAt?.epochMs).toBe(1331258133 * 1000);
  });

  it('groups.json: UTC times, a long Rails zone name, feed_key and memberships_count', () => {
    expect(jsonCodec.parseGroups(fixture(`${HEAD}groups.json`))).toEqual([
      {
        id: 12345,
        name: 'Team Evan',
        timezone: 'Eastern Time (US & Canada)',
        createdAt: at('2012-03-23 13:15:49', 0),
        updatedAt: at('2012-03-23 13:15:49', 0),
        feedKey: '1234567890',
        membershipsCount: 1,
      },
    ]);
  });

  it('agenda.json, my_agenda.json, user_agendas.json: raw Textile and rendered HTML', () => {
    expect(jsonCodec.parseGroupAgenda(fixture(`${HEAD}agenda.json`))).toEqual({
      groupId: 12345,
      agenda: 'This is an agenda',
      agendaHtml: '<p>This is an agenda</p>',
    });
    expect(jsonCodec.parseMyAgenda(fixture(`${HEAD}my_agenda.json`))).toEqual({
      userId: 12345,
      agenda: '* Bacon slap\n* Bacon slap\n* Bacon slap\n* Bacon slap',
      agendaHtml: `<ul>\n${'\t<li>Bacon slap</li>\n'.repeat(4)}</ul>`,
    });
    expect(jsonCodec.parseUserAgendas(fixture(`${HEAD}user_agendas.json`))).toEqual([
      {
        userId: 12345,
        agenda: '- Bacon slap\n- Bacon slap\n- Bacon slap\n- Bacon slap',
        agendaHtml: '<p>- Bacon slap<br />\n- Bacon slap<br />\n- Bacon slap<br />\n- Bacon slap</p>',
      },
    ]);
  });
});

describe('raw HTTP captures of the first commit', () => {
  const withBodies = [
    'agenda.json',
    'my_agenda.json',
    'show_status.json',
    'statuses.json',
    'statuses_for_date.json',
    'statuses_for_user.json',
    'user.json',
    'user_agendas.json',
  ];

  it.each(withBodies)('%s: JSON headers, and the body is the later header-less file', (name) => {
    const { head, body } = httpParts(fixture(`${RAW}${name}`));
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\n/);
    expect(head).toContain('Content-Type: application/json; charset=utf-8');
    expect(body).toBe(fixture(`${HEAD}${name}`));
  });

  it('bodies split from the captures parse to the same values', () => {
    expect(jsonCodec.parseStatuses(fixtureBody(`${RAW}statuses.json`))).toEqual([imageNote, testNote]);
    expect(jsonCodec.parseUser(fixtureBody(`${RAW}user.json`)).hasHarvestCredential).toBe(false);
    expect(jsonCodec.parseGroupAgenda(fixtureBody(`${RAW}agenda.json`)).groupId).toBe(12345);
  });

  it('the split also works with CRLF line ends', () => {
    const crlf = fixture(`${RAW}statuses.json`).replace(/\n/g, '\r\n');
    expect(jsonCodec.parseStatuses(httpParts(crlf).body)).toEqual([imageNote, testNote]);
  });

  it.each([
    ['agenda_update.xml', '/groups/12345/agenda'],
    ['my_agenda_update.xml', '/groups/12345/my_agenda'],
    ['group_update.xml', '/groups/12561'],
    ['status_update.xml', '/statuses/123456'],
  ])('%s is headers only (Location %s); its empty body is a clean bad_response', (name, location) => {
    const { head, body } = httpParts(fixture(`${RAW}${name}`));
    expect(head).toContain(`Location: ${location}`);
    expect(body).toBe('');
    expect(() => jsonCodec.parseStatus(body)).toThrow(expect.objectContaining({ code: 'bad_response' }));
  });
});
