import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  COBOT_KEY,
  type DemoServer,
  demoServer,
  idFromLocation,
  TOWERS,
  type WireStatus,
} from './support.js';

const at = (iso: string) => Date.parse(iso);

/** Status lists (§4, §5): order, the 50 cap, date routes in the group's zone, aliases. */
describe('status lists', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await demoServer();
  });
  afterEach(() => server.close());

  const addNote = (who: string, text: string, createdAt: number) =>
    server.db.notes.insert({
      groupId: TOWERS,
      userId: who === 'cobot' ? 0 : server.idOf(who),
      text,
      createdAt,
    });

  it('caps undated lists at 50 but returns a whole day, newest first', async () => {
    const day = at('2012-02-01T08:00:00Z');
    for (let i = 0; i < 60; i++) addNote('sybil', `note ${i}`, day + i * 60_000);
    const undated = await server.json<WireStatus[]>({
      url: `/groups/${TOWERS}/users/${server.idOf('sybil')}`,
      as: 'basil',
    });
    expect(undated).toHaveLength(50);
    const dated = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/20120201`, as: 'basil' });
    expect(dated).toHaveLength(60);
    expect(dated[0]?.text).toBe('note 59');
    expect(dated.at(-1)?.text).toBe('note 0');
    const viaAlias = await server.json<WireStatus[]>({
      url: `/statuses/user_timeline/${server.idOf('sybil')}.json?group_id=${TOWERS}&date=20120201`,
      as: 'basil',
    });
    expect(viaAlias).toHaveLength(60);
    const userDated = await server.json<WireStatus[]>({
      url: `/groups/${TOWERS}/users/${server.idOf('sybil')}/20120201`,
      as: 'basil',
    });
    expect(userDated).toHaveLength(60);
  });

  it('orders by created_at, then id, newest first', async () => {
    const same = at('2012-02-02T10:00:00Z');
    const first = addNote('polly', 'first', same);
    const second = addNote('polly', 'second', same);
    addNote('polly', 'earlier', same - 1000);
    const list = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/2012-02-02`, as: 'polly' });
    expect(list.map((s) => s.id)).toEqual([second.id, first.id, expect.any(Number)]);
    expect(list.map((s) => s.text)).toEqual(['second', 'first', 'earlier']);
    const undated = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/statuses`, as: 'polly' });
    const times = undated.map((s) => Date.parse(s.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('accepts YYYY-MM-DD as well as YYYYMMDD, on paths and in date=', async () => {
    addNote('manuel', 'dashed', at('2012-02-03T12:00:00Z'));
    for (const url of [
      `/groups/${TOWERS}/20120203`,
      `/groups/${TOWERS}/2012-02-03`,
      `/statuses/user_timeline.json?group_id=1&date=2012-02-03`,
    ]) {
      const as = url.includes('user_timeline') ? 'manuel' : 'basil';
      expect(
        (await server.json<WireStatus[]>({ url, as })).map((s) => s.text),
        url,
      ).toEqual(['dashed']);
    }
    const bad = await server.call({
      url: '/statuses/user_timeline.json?group_id=1&date=yesterday',
      as: 'basil',
    });
    expect(bad.statusCode).toBe(400);
  });

  it("takes the day in the group's zone: 23:30 UTC in summer is the next London day", async () => {
    addNote('basil', 'late', at('2012-07-10T23:30:00Z')); // 00:30 BST on the 11th
    const tenth = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/20120710`, as: 'basil' });
    const eleventh = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/20120711`, as: 'basil' });
    expect(tenth.map((s) => s.text)).not.toContain('late');
    expect(eleventh.map((s) => s.text)).toEqual(['late']);
    expect(eleventh[0]?.created_at).toBe('2012-07-11T00:30:00+01:00');
  });

  it('renders times in the group zone on group routes and UTC on GET /groups', async () => {
    addNote('basil', 'summer', at('2012-07-01T12:00:00Z'));
    const list = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/20120701`, as: 'basil' });
    expect(list[0]?.created_at).toBe('2012-07-01T13:00:00+01:00');
    server.db.groups.update(TOWERS, { timezone: 'Eastern Time (US & Canada)' }, at('2012-07-01T12:00:00Z'));
    const eastern = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/20120701`, as: 'basil' });
    expect(eastern[0]?.created_at).toBe('2012-07-01T08:00:00-04:00');
    const groups = await server.json<{ updated_at: string }[]>({ url: '/groups', as: 'basil' });
    expect(groups[0]?.updated_at).toBe('2012-07-01T12:00:00Z');
  });

  it('lets a Note and a DayEntry share an id and shows both', async () => {
    const entries = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/statuses`, as: 'basil' });
    const entryId = entries.find((s) => s.type === 'DayEntry')?.id ?? -1;
    expect(server.db.notes.byId(entryId)).toBeDefined();
    const both = entries
      .filter((s) => s.id === entryId)
      .map((s) => s.type)
      .sort();
    expect(both).toEqual(['DayEntry', 'Note']);
  });

  it('lists Cobot with cobot or 0, and the caller with the Twitter-like timeline', async () => {
    const cobot = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}/users/cobot`, as: 'manuel' });
    const zero = await server.json<WireStatus[]>({
      url: `/statuses/user_timeline/0.json?group_id=${TOWERS}`,
      as: 'manuel',
    });
    expect(cobot.length).toBeGreaterThan(0);
    expect(cobot.every((s) => s.user.id === 0 && s.user.name === 'Cobot')).toBe(true);
    expect(zero).toEqual(cobot);
    const asXml = await server.call({ url: `/statuses/user_timeline.xml?group_id=${TOWERS}`, as: 'manuel' });
    expect(asXml.headers['content-type']).toBe('application/xml; charset=utf-8'); // the suffix beats Accept
    expect(asXml.body).toContain('<statuses type="array">');
    const ownJson = await server.json<WireStatus[]>({
      url: `/statuses/user_timeline.json?group_id=${TOWERS}`,
      as: 'manuel',
    });
    expect(ownJson.every((s) => s.user.id === server.idOf('manuel'))).toBe(true);
    expect(ownJson.length).toBeGreaterThan(0);
  });

  it('shows a keyed Cobot note in the group list right after it is posted', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: `/groups/${TOWERS}/statuses?key=${COBOT_KEY}&status=deployed`,
    });
    const list = await server.json<WireStatus[]>({ url: `/groups/${TOWERS}`, as: 'sybil' });
    expect(list[0]).toMatchObject({ id: idFromLocation(created), type: 'Note', text: 'deployed' });
  });
});
