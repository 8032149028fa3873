import { describe, expect, it } from 'vitest';
import { jsonCodec } from '../../../src/coop/wire/json-codec.js';
import { xmlCodec } from '../../../src/coop/wire/xml-codec.js';
import { at } from './fixtures.js';

const AUTHOR = '<user><id type="integer">21</id><name>Basil</name><email>b@f</email></user>';

function xmlStatus(inner: string): string {
  return `<status>${inner}${AUTHOR}</status>`;
}

const BASE =
  '<id type="integer">1</id><type>Note</type><text>hi</text><group-id type="integer">25</group-id>';
const CREATED = '<created-at type="datetime">2008-11-19T20:19:45Z</created-at>';

describe('XML leniency (coop-api.md §2.1, §12)', () => {
  it('underscored names, no type attributes, no declaration', () => {
    const body =
      '<status><id>1</id><type>Note</type><text>hi</text><group_id>25</group_id>' +
      '<created_at>2008-11-19T20:19:45Z</created_at><user><id>21</id><name>Basil</name>' +
      '<email>b@f</email><avatar_thumb_url>u</avatar_thumb_url></user></status>';
    expect(xmlCodec.parseStatus(body)).toEqual({
      type: 'Note',
      id: 1,
      text: 'hi',
      groupId: 25,
      createdAt: at('2008-11-19 20:19:45', 0),
      updatedAt: null,
      user: { id: 21, name: 'Basil', email: 'b@f', avatarThumbUrl: 'u' },
    });
  });

  it('a BOM, a declaration, comments, CDATA, numeric references, whitespace around numbers and times', () => {
    const body =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- cached -->\n<status>' +
      '<id type="integer"> 1 </id><type> Note </type><text><![CDATA[a <raw> & ]]>&#x1F600;&#233;</text>' +
      '<group-id type="integer">\n 25\n</group-id><created-at type="datetime">\n 2008-11-19T20:19:45Z </created-at>' +
      `${AUTHOR}</status>`;
    const status = xmlCodec.parseStatus(body);
    expect(status).toMatchObject({ id: 1, type: 'Note', groupId: 25, text: 'a <raw> & 😀é' });
  });

  it('all three timestamp forms, and nil or empty optional times', () => {
    const body = (created: string, updated: string) =>
      xmlStatus(`${BASE}<created-at type="datetime">${created}</created-at>${updated}`);
    expect(xmlCodec.parseStatus(body('2008-06-11T09:25:04-04:00', '')).createdAt).toEqual(
      at('2008-06-11 09:25:04', -240),
    );
    expect(xmlCodec.parseStatus(body('2008/06/11 09:25:04 -0400', '')).createdAt).toEqual(
      at('2008-06-11 09:25:04', -240),
    );
    expect(
      xmlCodec.parseStatus(body('2008-06-11T13:25:04Z', '<updated-at nil="true"/>')).updatedAt,
    ).toBeNull();
    expect(
      xmlCodec.parseStatus(body('2008-06-11T13:25:04Z', '<updated-at type="datetime"/>')).updatedAt,
    ).toBeNull();
  });

  it('<users> without type="array" (the docs Users sample), one item or several', () => {
    const user = (id: number) =>
      `<user><id type="integer">${id}</id><email>u${id}@fawltytowers.com</email><first-name>Basil</first-name>` +
      `<last-name>Fawlty</last-name><avatar-thumb-url>\n  http://a/${id}.png\n</avatar-thumb-url>` +
      '<updated-at type="datetime">2008-11-19T20:19:45Z</updated-at></user>';
    expect(xmlCodec.parseMembers(`<users>${user(1)}</users>`)).toEqual([
      {
        id: 1,
        email: 'u1@fawltytowers.com',
        firstName: 'Basil',
        lastName: 'Fawlty',
        avatarThumbUrl: 'http://a/1.png',
        updatedAt: at('2008-11-19 20:19:45', 0),
        city: null,
      },
    ]);
    expect(xmlCodec.parseMembers(`<users>\n  ${user(1)}\n  ${user(2)}\n</users>`).map((m) => m.id)).toEqual([
      1, 2,
    ]);
  });

  it('empty lists: an empty root, a self-closed root, and Rails\' <nil-classes type="array"/>', () => {
    expect(xmlCodec.parseStatuses('<statuses type="array"></statuses>')).toEqual([]);
    expect(xmlCodec.parseStatuses('<statuses type="array"/>')).toEqual([]);
    expect(
      xmlCodec.parseGroups('<?xml version="1.0" encoding="UTF-8"?>\n<nil-classes type="array"/>'),
    ).toEqual([]);
  });

  it('status types in other spellings; a missing type reads as Note, or DayEntry when hours are present', () => {
    const typed = (type: string) =>
      xmlCodec.parseStatus(xmlStatus(`${BASE.replace('Note', type)}${CREATED}`)).type;
    expect(typed('note')).toBe('Note');
    expect(typed('day_entry')).toBe('DayEntry');
    expect(typed(' DayEntry ')).toBe('DayEntry');
    const untyped = BASE.replace('<type>Note</type>', '');
    expect(xmlCodec.parseStatus(xmlStatus(`${untyped}${CREATED}`)).type).toBe('Note');
    expect(xmlCodec.parseStatus(xmlStatus(`${untyped}${CREATED}<hours>2</hours>`))).toMatchObject({
      type: 'DayEntry',
      hours: 2,
      client: null,
      spentAt: null,
      timerStartedAt: null,
    });
  });

  it('DayEntry fields: an untyped running timer, hours "1", a spent-at with a time part', () => {
    const body = xmlStatus(
      `${BASE.replace('Note', 'DayEntry')}${CREATED}<hours type="float">1</hours><client>  Acme </client>` +
        '<timer-started-at>2009-07-09T22:42:03Z</timer-started-at><spent-at>2009-07-07T00:00:00Z</spent-at>' +
        '<user-id type="integer">2</user-id><project></project>',
    );
    expect(xmlCodec.parseStatus(body)).toMatchObject({
      type: 'DayEntry',
      hours: 1,
      client: 'Acme',
      project: '',
      task: null,
      spentAt: '2009-07-07',
      timerStartedAt: at('2009-07-09 22:42:03', 0),
    });
  });

  it('unknown fields and repeated elements: extra fields ignored, the first of a repeated name wins', () => {
    const body = xmlStatus(`${BASE}${CREATED}<city nil="true"/><feed-key>k</feed-key><text>second</text>`);
    expect(xmlCodec.parseStatus(body).text).toBe('hi');
  });

  it('a missing author block is recovered from user-id', () => {
    const body = `<status>${BASE}${CREATED}<user-id type="integer">9</user-id></status>`;
    expect(xmlCodec.parseStatus(body).user).toEqual({ id: 9, name: '', email: '', avatarThumbUrl: null });
  });

  it('unescaped & and < in a response text are recovered', () => {
    const body = xmlStatus(`${BASE.replace('hi', 'R&D <3 AT&T')}${CREATED}`);
    expect(xmlCodec.parseStatus(body).text).toBe('R&D <3 AT&T');
  });

  it('booleans as Rails writes them, and 1/0', () => {
    const user = (flag: string) =>
      `<user><id>1</id><email>e</email><has-harvest-credential type="boolean">${flag}</has-harvest-credential></user>`;
    expect(xmlCodec.parseUser(user('true')).hasHarvestCredential).toBe(true);
    expect(xmlCodec.parseUser(user('0')).hasHarvestCredential).toBe(false);
    expect(() => xmlCodec.parseUser(user('maybe'))).toThrow(
      expect.objectContaining({ code: 'bad_response' }),
    );
  });

  it('agenda and harvest credential under other plausible roots', () => {
    const agenda =
      '<group-id type="integer">7</group-id><agenda>a</agenda><agenda-html>&lt;p&gt;a&lt;/p&gt;</agenda-html>';
    expect(xmlCodec.parseGroupAgenda(`<hash>${agenda}</hash>`)).toEqual({
      groupId: 7,
      agenda: 'a',
      agendaHtml: '<p>a</p>',
    });
    expect(
      xmlCodec.parseHarvestCredential(
        '<harvest_credential><id>1</id><email>e</email><subdomain>s</subdomain><user_id>2</user_id></harvest_credential>',
      ),
    ).toEqual({ id: 1, email: 'e', subdomain: 's', userId: 2, createdAt: null, updatedAt: null });
  });
});

describe('JSON leniency', () => {
  const note = {
    id: 1,
    type: 'Note',
    text: 'hi',
    group_id: 25,
    created_at: '2008/11/19 20:19:45 +0000',
    user: { id: 21, name: 'Basil', email: 'b@f', avatar_thumb_url: null },
  };

  it('Rails 2 dates, a missing updated_at, keys in any order', () => {
    const reversed = Object.fromEntries(Object.entries(note).reverse());
    const expected = {
      type: 'Note',
      id: 1,
      text: 'hi',
      groupId: 25,
      createdAt: at('2008-11-19 20:19:45', 0),
      updatedAt: null,
      user: { id: 21, name: 'Basil', email: 'b@f', avatarThumbUrl: null },
    };
    expect(jsonCodec.parseStatus(JSON.stringify(note))).toEqual(expected);
    expect(jsonCodec.parseStatus(JSON.stringify(reversed))).toEqual(expected);
  });

  it('numbers sent as strings, dashed keys, and the Rails 2 root wrapper', () => {
    const odd = { ...note, id: '1', 'group-id': '25', group_id: undefined };
    expect(jsonCodec.parseStatus(JSON.stringify(odd))).toMatchObject({ id: 1, groupId: 25 });
    expect(jsonCodec.parseStatus(JSON.stringify({ status: note })).id).toBe(1);
    expect(jsonCodec.parseStatuses(JSON.stringify([{ status: note }]))[0]?.id).toBe(1);
  });

  it('a DayEntry with hours as an integer, extra fields and a BOM', () => {
    const entry = { ...note, type: 'DayEntry', hours: 1, spent_at: '2012-03-02', user_id: 21, project_id: 5 };
    expect(jsonCodec.parseStatus(`\uFEFF${JSON.stringify(entry)}`)).toMatchObject({
      type: 'DayEntry',
      hours: 1,
      spentAt: '2012-03-02',
      timerStartedAt: null,
      client: null,
    });
  });

  it('the comma-for-colon typo is repaired wherever a key is followed by a value', () => {
    const body = '{"id", 9, "email": "h@x", "subdomain", "fawlty", "user_id", 2, "created_at", null}';
    expect(jsonCodec.parseHarvestCredential(body)).toEqual({
      id: 9,
      email: 'h@x',
      subdomain: 'fawlty',
      userId: 2,
      createdAt: null,
      updatedAt: null,
    });
  });
});
