import { createHash } from 'node:crypto';
import { dayInZone } from '../coop/zone.js';
import type { CoopDb } from './coop-db.js';
import { hashPassword } from './password-hash.js';
import { isoDay, zoneOf } from './present.js';
import { COBOT_USER_ID } from './repositories/users-repository.js';

/** The demo data of `--seed demo` and the test helper: Fawlty Towers, as in the Co-op docs' samples. */
export const DEMO_FEED_KEY = 'fawlty-cobot-key';
export const DEMO_GOURMET_FEED_KEY = 'gourmet-night-cobot-key';
export const DEMO_PASSWORD = 'fawlty';

const PEOPLE = [
  { key: 'basil', firstName: 'Basil', lastName: 'Fawlty' },
  { key: 'sybil', firstName: 'Sybil', lastName: 'Fawlty' },
  { key: 'polly', firstName: 'Polly', lastName: 'Sherman' },
  { key: 'manuel', firstName: 'Manuel', lastName: '' },
] as const;
type Person = (typeof PEOPLE)[number]['key'];

const NOTES: ReadonlyArray<{ by: Person | 'cobot'; hoursAgo: number; text: string }> = [
  { by: 'basil', hoursAgo: 70, text: 'Fixed the wobbly banister (again).' },
  {
    by: 'cobot',
    hoursAgo: 48,
    text: 'Basil Fawlty just committed a change to fawlty/website on GitHub: Fix booking form (https://github.com/fawlty/website/commit/4f2a9c1)',
  },
  { by: 'sybil', hoursAgo: 50, text: "Booked the Major's table for Thursday." },
  { by: 'polly', hoursAgo: 30, text: 'Redrew the menu cards for Gourmet Night.' },
  { by: 'manuel', hoursAgo: 26, text: '¿Qué? Carrying the luggage up to room 12.' },
  { by: 'cobot', hoursAgo: 20, text: 'Deployed fawlty/website build 41 to production' },
  { by: 'sybil', hoursAgo: 5, text: 'Ordered new pillows for room 7 & the honeymoon suite.' },
  { by: 'cobot', hoursAgo: 3, text: 'Deployed fawlty/website build 42 to production' },
  { by: 'basil', hoursAgo: 2, text: 'Hiding the moose head from the hotel inspector.' },
  { by: 'polly', hoursAgo: 1, text: 'Putting the letters of the sign back in order.' },
];

const DAY_ENTRIES = [
  { hoursAgo: 60, projectId: 111, taskId: 222, hours: 2.5, text: 'Online booking form' },
  { hoursAgo: 28, projectId: 111, taskId: 223, hours: 1.25, text: 'New logo with all the letters' },
  { hoursAgo: 4, projectId: 112, taskId: 224, hours: 0.75, text: 'Menu planning with Kurt' },
];

function emailOf(person: Person): string {
  return `${person}@fawltytowers.com`;
}

function avatarOf(email: string): string {
  return `https://www.gravatar.com/avatar/${createHash('md5').update(email).digest('hex')}?d=identicon&s=48`;
}

/**
 * Seeds the demo groups, members and statuses (spread over the 3 days before `now`). Idempotent: a
 * database that already holds the demo group is left as it is.
 */
export async function seedDemo(db: CoopDb, now: Date = new Date()): Promise<void> {
  if (db.groups.byFeedKey(DEMO_FEED_KEY)) return;
  const hashes = await Promise.all(PEOPLE.map(() => hashPassword(DEMO_PASSWORD)));
  const t = now.getTime();
  const ago = (hours: number) => t - hours * 3_600_000;
  db.transaction(() => {
    const ids = new Map<Person | 'cobot', number>([['cobot', COBOT_USER_ID]]);
    PEOPLE.forEach((person, index) => {
      const email = emailOf(person.key);
      const existing = db.users.byEmail(email);
      const user =
        existing ??
        db.users.insert({
          ...person,
          email,
          passwordHash: hashes[index] ?? '',
          avatarUrl: avatarOf(email),
          now: ago(24 * 30),
        });
      ids.set(person.key, user.id);
    });
    const basil = ids.get('basil') ?? 0;
    const towers = db.groups.insert({
      name: 'Fawlty Towers',
      timezone: 'London',
      feedKey: DEMO_FEED_KEY,
      now: ago(24 * 30),
    });
    for (const person of PEOPLE) {
      const isBasil = person.key === 'basil';
      db.memberships.add({
        userId: ids.get(person.key) ?? 0,
        groupId: towers.id,
        leader: isBasil,
        harvestLinked: isBasil,
        now: ago(24 * 30),
      });
    }
    db.groups.setAgenda(towers.id, '* Gourmet Night on Friday\n* Hotel inspectors in town', ago(24));
    db.memberships.setAgenda(basil, towers.id, '- Fix the banister\n- Avoid the Germans', ago(24));
    if (!db.harvestCredentials.forUser(basil)) {
      db.harvestCredentials.insert(basil, { email: emailOf('basil'), subdomain: 'fawlty' }, ago(24 * 30));
    }
    for (const note of NOTES) {
      db.notes.insert({
        groupId: towers.id,
        userId: ids.get(note.by) ?? 0,
        text: note.text,
        createdAt: ago(note.hoursAgo),
      });
    }
    const zone = zoneOf('London');
    for (const entry of DAY_ENTRIES) {
      const createdAt = ago(entry.hoursAgo);
      db.dayEntries.insert({
        ...entry,
        groupId: towers.id,
        userId: basil,
        spentAt: isoDay(dayInZone(createdAt, zone)),
        timerStartedAt: null,
        createdAt,
      });
    }
    const gourmet = db.groups.insert({
      name: 'Gourmet Night',
      timezone: 'London',
      feedKey: DEMO_GOURMET_FEED_KEY,
      now: ago(24 * 7),
    });
    db.memberships.add({ userId: basil, groupId: gourmet.id, leader: true, now: ago(24 * 7) });
    db.notes.insert({
      groupId: gourmet.id,
      userId: basil,
      text: 'The chef is drunk. Plan B: Andre.',
      createdAt: ago(10),
    });
  });
}
