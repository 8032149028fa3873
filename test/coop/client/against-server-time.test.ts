import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayEntry } from '../../../src/coop/types.js';
import { type Demo, demoClients, failure } from './demo-clients.js';

const ENTRY = { text: 'Pairing on the booking bug', hours: 0.75, projectId: 111, taskId: 222 };

// Time entries, agendas, users and Harvest credentials (§6–§8) against the project's server, in both formats.
describe.each(['json', 'xml'] as const)('time, agendas and users against the Co-op server (%s)', (format) => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await demoClients(format);
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('checks Harvest access: yes for Basil, a 403 reason for Sybil', async () => {
    expect(await demo.basil.hasHarvestAccess(demo.ids.towers)).toEqual({ ok: true });
    const sybil = await demo.sybil.hasHarvestAccess(demo.ids.towers);
    expect(sybil.ok).toBe(false);
    expect(!sybil.ok && sybil.message).toMatch(/Harvest/);
  });

  it('refuses Sybil a day entry as forbidden, with the server’s message', async () => {
    const err = await failure(demo.sybil.createDayEntry(demo.ids.towers, ENTRY));
    expect(err).toMatchObject({
      code: 'forbidden',
      status: 403,
      method: 'POST',
      path: `/groups/${demo.ids.towers}/day_entries`,
    });
    expect(err.message).toMatch(/Harvest/);
  });

  it('creates a day entry that shows in the group list as a DayEntry, updates and toggles it', async () => {
    const id = await demo.basil.createDayEntry(demo.ids.towers, ENTRY);
    const list = await demo.sybil.groupStatuses(demo.ids.towers);
    const entry =
      !list.notModified && list.value.find((s): s is DayEntry => s.type === 'DayEntry' && s.id === id);
    expect(entry).toMatchObject({
      text: ENTRY.text,
      hours: 0.75,
      timerStartedAt: null,
      user: { id: demo.ids.basil },
    });

    await demo.basil.updateDayEntry(demo.ids.towers, id, { ...ENTRY, text: 'Pairing, then tea', hours: 1.5 });
    const started = await demo.basil.toggleTimer(demo.ids.towers, id);
    expect(started).toMatchObject({ type: 'DayEntry', id, text: 'Pairing, then tea' });
    expect(started.hours).toBeGreaterThanOrEqual(1.5);
    expect(started.timerStartedAt).not.toBeNull();
    const stopped = await demo.basil.toggleTimer(demo.ids.towers, id);
    expect(stopped.timerStartedAt).toBeNull();
    expect((await failure(demo.sybil.toggleTimer(demo.ids.towers, id))).code).toMatch(/not_found|forbidden/);
  });

  it('refuses an unknown Harvest task as bad_request with the reason', async () => {
    const err = await failure(demo.basil.createDayEntry(demo.ids.towers, { ...ENTRY, taskId: 999 }));
    expect(err.code).toBe('bad_request');
    expect(err.message).toContain('999');
  });

  it('reads and replaces the group agenda and the own agenda', async () => {
    await demo.sybil.updateGroupAgenda(demo.ids.towers, '* demo Friday\n* code freeze');
    expect(await demo.basil.groupAgenda(demo.ids.towers)).toMatchObject({
      groupId: demo.ids.towers,
      agenda: '* demo Friday\n* code freeze',
      agendaHtml: expect.stringContaining('<li>demo Friday</li>'),
    });
    await demo.sybil.updateMyAgenda(demo.ids.towers, 'Pillows & towels');
    expect(await demo.sybil.myAgenda(demo.ids.towers)).toMatchObject({
      userId: demo.ids.sybil,
      agenda: 'Pillows & towels',
    });
    const all = await demo.basil.userAgendas(demo.ids.towers);
    expect(all.find((a) => a.userId === demo.ids.sybil)?.agendaHtml).toContain('Pillows &amp; towels');
  });

  it('lists members and reads only the own user record', async () => {
    const members = await demo.sybil.members(demo.ids.towers);
    expect(members.map((m) => m.email).sort()).toEqual(
      ['basil', 'manuel', 'polly', 'sybil'].map((p) => `${p}@fawltytowers.com`),
    );
    expect(await demo.basil.user(demo.ids.basil)).toMatchObject({
      id: demo.ids.basil,
      firstName: 'Basil',
      hasHarvestCredential: true,
    });
    expect((await failure(demo.sybil.user(demo.ids.basil))).code).toBe('not_found');
  });

  it('reads, refuses a second, replaces and deletes Harvest credentials', async () => {
    expect(await demo.basil.harvestCredential(demo.ids.basil)).toMatchObject({
      subdomain: 'fawlty',
      userId: demo.ids.basil,
    });
    const login = { subdomain: 'sybilco', email: 'sybil@fawltytowers.com', password: 'pillows-secret' };
    await demo.sybil.createHarvestCredential(demo.ids.sybil, login);
    const twice = await failure(demo.sybil.createHarvestCredential(demo.ids.sybil, login));
    expect(twice).toMatchObject({ code: 'bad_request', status: 400, method: 'POST' });
    expect(twice.message).toMatch(/already exist/);
    expect(twice.message).not.toContain('pillows-secret');
    const refused = await failure(
      demo.sybil.updateHarvestCredential(demo.ids.sybil, { ...login, password: 'short' }),
    );
    expect(refused.code).toBe('bad_request');
    await demo.sybil.updateHarvestCredential(demo.ids.sybil, { ...login, subdomain: 'sybil-two' });
    expect((await demo.sybil.harvestCredential(demo.ids.sybil)).subdomain).toBe('sybil-two');
    await demo.sybil.deleteHarvestCredential(demo.ids.sybil);
    expect((await failure(demo.sybil.harvestCredential(demo.ids.sybil))).code).toBe('not_found');
  });
});
