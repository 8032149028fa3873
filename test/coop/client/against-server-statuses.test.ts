import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoopClient } from '../../../src/coop/client/coop-client.js';
import { COBOT_KEY, type Demo, demoClients, failure, londonToday } from './demo-clients.js';

// Every Statuses and Groups endpoint (§4, §5, §10) against the project's own Co-op server, in both formats.
describe.each(['json', 'xml'] as const)('statuses and groups against the Co-op server (%s)', (format) => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await demoClients(format);
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('lists groups: Basil sees both, Sybil only Fawlty Towers', async () => {
    const groups = await demo.basil.groups();
    expect(groups.map((g) => g.name).sort()).toEqual(['Fawlty Towers', 'Gourmet Night']);
    expect(groups.find((g) => g.id === demo.ids.towers)?.timezone).toBe('London');
    expect((await demo.sybil.groups()).map((g) => g.id)).toEqual([demo.ids.towers]);
  });

  it('posts a Note that then leads the timeline and the group list', async () => {
    const text = `Fire drill at 3 — bring "guests" & <luggage> ${format}, ¿qué?`;
    const id = await demo.basil.postStatus(demo.ids.towers, text);
    const [latest] = await demo.basil.userTimeline(demo.ids.towers, demo.ids.basil);
    expect(latest).toMatchObject({
      type: 'Note',
      id,
      text,
      groupId: demo.ids.towers,
      user: { id: demo.ids.basil },
    });
    const list = await demo.sybil.groupStatuses(demo.ids.towers);
    expect(!list.notModified && list.value[0]).toMatchObject({ type: 'Note', id });
    const legacy = await demo.sybil.groupStatusesLegacy(demo.ids.towers);
    expect(!legacy.notModified && legacy.value.map((s) => s.id)).toEqual(
      !list.notModified && list.value.map((s) => s.id),
    );
  });

  it('shows the own Note, and 404s on another member’s', async () => {
    const id = await demo.basil.postStatus(demo.ids.towers, 'Only mine to see');
    expect(await demo.basil.showStatus(id)).toMatchObject({ id, text: 'Only mine to see' });
    expect(await failure(demo.sybil.showStatus(id))).toMatchObject({
      code: 'not_found',
      status: 404,
      method: 'GET',
      path: `/statuses/${id}`,
    });
  });

  it('deletes the own Note; another member cannot', async () => {
    const id = await demo.basil.postStatus(demo.ids.towers, 'Short-lived');
    expect((await failure(demo.sybil.deleteStatus(id))).code).toBe('not_found');
    await demo.basil.deleteStatus(id);
    expect((await failure(demo.basil.showStatus(id))).code).toBe('not_found');
  });

  it('posts and deletes as Cobot with the key, without logging in', async () => {
    const id = await demo.anonymous.postCobotStatus(
      demo.ids.towers,
      COBOT_KEY,
      `Deployed build 43 (${format})`,
    );
    const byName = await demo.sybil.userTimeline(demo.ids.towers, 'cobot');
    expect(byName[0]).toMatchObject({ id, type: 'Note', user: { id: 0 } });
    expect((await demo.sybil.userTimeline(demo.ids.towers, 0))[0]?.id).toBe(id);
    await demo.anonymous.deleteCobotStatus(id, COBOT_KEY);
    expect((await demo.sybil.userTimeline(demo.ids.towers, 'cobot')).map((s) => s.id)).not.toContain(id);
  });

  it('posts through the GitHub hook form (/notes, key in a JSON body)', async () => {
    const text =
      'Basil just committed a change to fawlty/website on GitHub: Hide moose (https://x.invalid/1)';
    const id = await demo.anonymous.postCobotNote(demo.ids.towers, COBOT_KEY, text);
    expect((await demo.basil.userTimeline(demo.ids.towers, 'cobot'))[0]).toMatchObject({ id, text });
  });

  it('refuses a wrong Cobot key as unauthorized, and never sends the key back', async () => {
    const err = await failure(demo.anonymous.postCobotStatus(demo.ids.towers, 'not-the-key', 'x'));
    expect(err).toMatchObject({
      code: 'unauthorized',
      status: 401,
      path: `/groups/${demo.ids.towers}/statuses`,
    });
    expect(err.message).toContain('Cobot key');
    expect(err.message).not.toContain('not-the-key');
  });

  it('reads one day, for the group and for a user, and an empty day', async () => {
    const id = await demo.basil.postStatus(demo.ids.towers, 'On the day');
    const today = londonToday();
    const day = await demo.sybil.groupStatusesOn(demo.ids.towers, today);
    expect(!day.notModified && day.value.map((s) => s.id)).toContain(id);
    const mine = await demo.sybil.userTimeline(demo.ids.towers, demo.ids.basil, { date: today });
    expect(mine.map((s) => s.id)).toContain(id);
    expect(mine.every((s) => s.user.id === demo.ids.basil)).toBe(true);
    const empty = await demo.sybil.groupStatusesOn(demo.ids.towers, '2001-01-01');
    expect(!empty.notModified && empty.value).toEqual([]);
  });

  it('answers a repeated conditional read with notModified, and a changed list with its new ETag', async () => {
    const first = await demo.sybil.groupStatuses(demo.ids.towers);
    expect(first.notModified).toBe(false);
    expect(first.etag).toBeTruthy();
    const again = await demo.sybil.groupStatuses(demo.ids.towers, { etag: first.etag });
    expect(again).toEqual({ notModified: true, etag: first.etag });
    const dayFirst = await demo.sybil.groupStatusesOn(demo.ids.towers, londonToday());
    const dayAgain = await demo.sybil.groupStatusesOn(demo.ids.towers, londonToday(), {
      etag: dayFirst.etag,
    });
    expect(dayAgain.notModified).toBe(true);
    await demo.basil.postStatus(demo.ids.towers, 'Changes the list');
    const changed = await demo.sybil.groupStatuses(demo.ids.towers, { etag: first.etag });
    expect(changed.notModified).toBe(false);
    expect(changed.etag).not.toBe(first.etag);
  });

  it('maps bad logins to unauthorized and invisible groups to not_found', async () => {
    const wrong = demo.basil.withCredentials({ email: 'basil@fawltytowers.com', password: 'wrong-password' });
    const err = await failure(wrong.groups());
    expect(err).toMatchObject({ code: 'unauthorized', status: 401, method: 'GET', path: '/groups' });
    expect(err.message).not.toContain('wrong-password');
    expect((await failure(demo.anonymous.groups())).code).toBe('unauthorized');
    const hidden = await failure(demo.sybil.groupStatuses(demo.ids.gourmet));
    expect(hidden).toMatchObject({
      code: 'not_found',
      status: 404,
      path: `/groups/${demo.ids.gourmet}/statuses`,
    });
  });

  it('updates the group as its leader; others are refused', async () => {
    await demo.basil.updateGroup(demo.ids.gourmet, { name: 'Gourmet Night (cancelled)', timezone: 'Berlin' });
    const gourmet = (await demo.basil.groups()).find((g) => g.id === demo.ids.gourmet);
    expect(gourmet).toMatchObject({ name: 'Gourmet Night (cancelled)', timezone: 'Berlin' });
    expect((await failure(demo.sybil.updateGroup(demo.ids.towers, { name: 'Sybil Towers' }))).code).toMatch(
      /forbidden|not_found/,
    );
    const bad = await failure(demo.basil.updateGroup(demo.ids.gourmet, { timezone: 'Atlantis' }));
    expect(bad.code).toBe('bad_request');
    expect(bad.message).toContain('Atlantis');
  });

  it('shares one pool between a client and its withCredentials copies', async () => {
    const polly = demo.basil.withCredentials({ email: 'polly@fawltytowers.com', password: 'fawlty' });
    expect(polly).toBeInstanceOf(CoopClient);
    expect(polly.format).toBe(format);
    expect((await polly.groups()).map((g) => g.name)).toEqual(['Fawlty Towers']);
  });
});
