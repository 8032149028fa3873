import { describe, expect, it } from 'vitest';
import type { DayEntry, Note } from '../../../src/coop/types.js';
import { codecFor } from '../../../src/coop/wire/codecs.js';
import { jsonCodec } from '../../../src/coop/wire/json-codec.js';
import { formatRailsFloat } from '../../../src/coop/wire/rails-xml.js';
import { xmlCodec } from '../../../src/coop/wire/xml-codec.js';
import { at } from './fixtures.js';

const ada = {
  id: 42,
  name: 'Ada Example',
  email: 'ada@example.org',
  avatarThumbUrl: 'http://coopapp.com/uploads/avatars/42/thumb/a.png?1330000000',
};
const note: Note = {
  type: 'Note',
  id: 5001,
  text: 'Shipping the release today',
  groupId: 7,
  createdAt: at('2012-03-02 09:15:00', -300),
  updatedAt: at('2012-03-02 09:15:00', -300),
  user: ada,
};
const entry: DayEntry = {
  type: 'DayEntry',
  id: 5001,
  text: 'Reviewing PRs',
  groupId: 7,
  createdAt: at('2012-03-02 08:00:00', -300),
  updatedAt: null,
  user: ada,
  hours: 1.5,
  client: 'Acme',
  project: 'Website',
  task: 'Dev',
  spentAt: '2012-03-02',
  timerStartedAt: null,
};

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const ADA_XML =
  '<user><id type="integer">42</id><name>Ada Example</name><email>ada@example.org</email>' +
  '<avatar-thumb-url>http://coopapp.com/uploads/avatars/42/thumb/a.png?1330000000</avatar-thumb-url></user>';

describe('XML output has the Rails to_xml shape', () => {
  it('a status list, exactly (the coop-api.md §3.3 example, unindented)', () => {
    expect(xmlCodec.serializeStatuses([note, entry])).toBe(
      `${DECL}<statuses type="array">` +
        '<status><id type="integer">5001</id><type>Note</type><text>Shipping the release today</text>' +
        '<group-id type="integer">7</group-id>' +
        '<created-at type="datetime">2012-03-02T09:15:00-05:00</created-at>' +
        `<updated-at type="datetime">2012-03-02T09:15:00-05:00</updated-at>${ADA_XML}</status>` +
        '<status><id type="integer">5001</id><type>DayEntry</type><text>Reviewing PRs</text>' +
        '<hours type="float">1.5</hours><client>Acme</client><project>Website</project><task>Dev</task>' +
        '<group-id type="integer">7</group-id><spent-at type="date">2012-03-02</spent-at>' +
        '<timer-started-at nil="true"></timer-started-at>' +
        '<created-at type="datetime">2012-03-02T08:00:00-05:00</created-at>' +
        `<updated-at nil="true"></updated-at>${ADA_XML}</status>` +
        '</statuses>',
    );
  });

  it('floats keep a decimal point like Ruby: 1.0, 0.75', () => {
    expect(xmlCodec.serializeStatus({ ...entry, hours: 1 })).toContain('<hours type="float">1.0</hours>');
    expect(xmlCodec.serializeStatus({ ...entry, hours: 0.75 })).toContain('<hours type="float">0.75</hours>');
    expect(formatRailsFloat(0)).toBe('0.0');
    expect(formatRailsFloat(-2)).toBe('-2.0');
    expect(formatRailsFloat(1e21)).toBe('1.0e+21');
    expect(formatRailsFloat(1.5e-7)).toBe('1.5e-7');
  });

  it('non-finite hours go out as nil, and read back as 0', () => {
    const written = xmlCodec.serializeStatus({ ...entry, hours: Number.NaN });
    expect(written).toContain('<hours nil="true"></hours>');
    expect(xmlCodec.parseStatus(written)).toMatchObject({ type: 'DayEntry', hours: 0 });
    expect(jsonCodec.serializeStatus({ ...entry, hours: Number.POSITIVE_INFINITY })).toContain(
      '"hours":null',
    );
  });

  it('text is escaped, not padded; CR survives as a reference; characters XML cannot hold become U+FFFD', () => {
    const text = ' a & b <c> "d" \'e\' \r\n ';
    const written = xmlCodec.serializeStatus({ ...note, text });
    expect(written).toContain('<text> a &amp; b &lt;c&gt; "d" \'e\' &#13;\n </text>');
    expect(xmlCodec.parseStatus(written).text).toBe(text);
    const control = xmlCodec.serializeStatus({ ...note, text: 'bell\u0007 nul\u0000 lone\ud800' });
    expect(xmlCodec.parseStatus(control).text).toBe('bell\ufffd nul\ufffd lone\ufffd');
  });

  it('every root the API uses', () => {
    const stamp = at('2012-03-23 13:15:49', 0);
    const group = {
      id: 1,
      name: 'G',
      timezone: 'London',
      createdAt: stamp,
      updatedAt: stamp,
      feedKey: null,
      membershipsCount: 3,
    };
    const member = {
      id: 2,
      email: 'e',
      firstName: 'F',
      lastName: 'L',
      avatarThumbUrl: null,
      updatedAt: stamp,
      city: null,
    };
    expect(xmlCodec.serializeStatus(note)).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<status><id /,
    );
    expect(xmlCodec.serializeGroups([group])).toContain(
      '<groups type="array"><group><id type="integer">1</id><name>G</name><timezone>London</timezone>',
    );
    expect(xmlCodec.serializeGroups([group])).toContain(
      '<feed-key nil="true"></feed-key><memberships-count type="integer">3</memberships-count>',
    );
    expect(xmlCodec.serializeMembers([member])).toContain(
      '<users type="array"><user><id type="integer">2</id><email>e</email><first-name>F</first-name>',
    );
    expect(xmlCodec.serializeUser({ ...member, hasHarvestCredential: true, createdAt: null })).toContain(
      '<city nil="true"></city><has-harvest-credential type="boolean">true</has-harvest-credential>' +
        '<created-at nil="true"></created-at></user>',
    );
    expect(
      xmlCodec.serializeGroupAgenda({ groupId: 7, agenda: '* a', agendaHtml: '<ul>\n\t<li>a</li>\n</ul>' }),
    ).toBe(
      `${DECL}<hash><group-id type="integer">7</group-id><agenda>* a</agenda>` +
        '<agenda-html>&lt;ul&gt;\n\t&lt;li&gt;a&lt;/li&gt;\n&lt;/ul&gt;</agenda-html></hash>',
    );
    expect(xmlCodec.serializeUserAgendas([{ userId: 3, agenda: '', agendaHtml: '' }])).toBe(
      `${DECL}<records type="array"><record><user-id type="integer">3</user-id><agenda></agenda>` +
        '<agenda-html></agenda-html></record></records>',
    );
    expect(xmlCodec.serializeMyAgenda({ userId: 3, agenda: 'x', agendaHtml: '<p>x</p>' })).toMatch(
      /<hash><user-id type="integer">3<\/user-id>/,
    );
    expect(
      xmlCodec.serializeHarvestCredential({
        id: 9,
        email: 'h@x',
        subdomain: 'fawlty',
        userId: 3,
        createdAt: stamp,
        updatedAt: null,
      }),
    ).toBe(
      `${DECL}<harvest-credential><id type="integer">9</id><email>h@x</email><subdomain>fawlty</subdomain>` +
        '<user-id type="integer">3</user-id><created-at type="datetime">2012-03-23T13:15:49Z</created-at>' +
        '<updated-at nil="true"></updated-at></harvest-credential>',
    );
    expect(xmlCodec.serializeErrors(["Text can't be blank", 'a < b'])).toBe(
      `${DECL}<errors><error>Text can't be blank</error><error>a &lt; b</error></errors>`,
    );
    expect(xmlCodec.serializeStatuses([])).toBe(`${DECL}<statuses type="array"></statuses>`);
  });

  it('request bodies follow the docs: underscored, untyped', () => {
    expect(xmlCodec.encodeStatusText('Deploying build 88')).toBe(
      `${DECL}<status>Deploying build 88</status>`,
    );
    expect(xmlCodec.encodeDayEntry({ text: 'Pairing', hours: 0.75, projectId: 111, taskId: 222 })).toBe(
      `${DECL}<status><text>Pairing</text><hours>0.75</hours><project_id>111</project_id>` +
        '<task_id>222</task_id></status>',
    );
    expect(xmlCodec.encodeAgenda('* a & b')).toBe(`${DECL}<agenda>* a &amp; b</agenda>`);
    expect(xmlCodec.encodeHarvestCredential({ subdomain: 'fawlty', email: 'b@f', password: 'p<w' })).toBe(
      `${DECL}<harvest_credential><subdomain>fawlty</subdomain><email>b@f</email>` +
        '<password>p&lt;w</password></harvest_credential>',
    );
  });
});

describe('JSON output: underscored keys, no root, nulls, ISO 8601 with offset', () => {
  it('a Note as in coop-api.md §3.3, and a DayEntry', () => {
    expect(JSON.parse(jsonCodec.serializeStatus(note))).toEqual({
      id: 5001,
      type: 'Note',
      text: 'Shipping the release today',
      group_id: 7,
      created_at: '2012-03-02T09:15:00-05:00',
      updated_at: '2012-03-02T09:15:00-05:00',
      user: {
        id: 42,
        name: 'Ada Example',
        email: 'ada@example.org',
        avatar_thumb_url: 'http://coopapp.com/uploads/avatars/42/thumb/a.png?1330000000',
      },
    });
    expect(JSON.parse(jsonCodec.serializeStatuses([entry]))).toEqual([
      expect.objectContaining({
        type: 'DayEntry',
        hours: 1.5,
        spent_at: '2012-03-02',
        timer_started_at: null,
        updated_at: null,
      }),
    ]);
  });

  it('errors and request bodies', () => {
    expect(jsonCodec.serializeErrors(['a', 'b'])).toBe('{"errors":["a","b"]}');
    expect(jsonCodec.encodeStatusText('A note')).toBe('{"status":"A note"}');
    expect(JSON.parse(jsonCodec.encodeDayEntry({ text: 't', hours: 0.75, projectId: 1, taskId: 2 }))).toEqual(
      {
        status: { text: 't', hours: 0.75, project_id: 1, task_id: 2 },
      },
    );
    expect(jsonCodec.encodeAgenda('x')).toBe('{"agenda":"x"}');
    expect(
      JSON.parse(jsonCodec.encodeHarvestCredential({ subdomain: 's', email: 'e', password: 'p' })),
    ).toEqual({
      harvest_credential: { subdomain: 's', email: 'e', password: 'p' },
    });
  });

  it('codecFor picks the codec and its MIME type', () => {
    expect(codecFor('xml')).toBe(xmlCodec);
    expect(codecFor('json')).toBe(jsonCodec);
    expect(codecFor('xml').mimeType).toBe('application/xml');
    expect(codecFor('json').mimeType).toBe('application/json');
  });
});
