import { describe, expect, it } from 'vitest';
import type { DayEntry } from '../../../src/coop/types.js';
import { xmlCodec } from '../../../src/coop/wire/xml-codec.js';
import { at, fixture } from './fixtures.js';

const CHRONOS = 'mocra-chronos/';

const anotherUser = {
  id: 2,
  name: 'Another User',
  email: 'user2@company.com',
  avatarThumbUrl: 'http://coopapp.com/uploads/avatars/7312/thumb/ef5135f87023c3df9280579e92da6925.jpeg',
};
const aUser = {
  id: 1,
  name: 'A User',
  email: 'user@company.com',
  avatarThumbUrl: 'http://coopapp.com/uploads/avatars/7312/thumb/ef5135f87028c3df9280579e92da6925.jpeg',
};
const entry = {
  type: 'DayEntry',
  groupId: 1,
  updatedAt: null,
  client: 'Company Internal',
  project: 'Internal',
  task: 'Working',
  spentAt: '2009-07-07',
} as const;

/** The three DayEntries of the hand-made 2009 chronos fixture, in file order (not newest first). */
const chronosEntries: DayEntry[] = [
  {
    ...entry,
    id: 2,
    text: 'Also doing something awesome',
    createdAt: at('2009-07-07 08:27:57', 0),
    user: anotherUser,
    hours: 1,
    timerStartedAt: at('2009-07-09 22:42:03', 0),
  },
  {
    ...entry,
    id: 1,
    text: 'Doing something awesome',
    createdAt: at('2009-07-07 06:27:57', 0),
    user: aUser,
    hours: 0.8,
    timerStartedAt: null,
  },
  {
    ...entry,
    id: 3,
    text: 'Doing something more awesome',
    createdAt: at('2009-07-07 07:27:57', 0),
    user: aUser,
    hours: 0.8,
    timerStartedAt: null,
  },
];

describe('mocra/chronos 2009 fixtures (hand-made; leniency cases)', () => {
  it('groups/1.xml: DayEntries with hours "1", an untyped running timer, user-id, no updated-at', () => {
    expect(xmlCodec.parseStatuses(fixture(`${CHRONOS}groups/1.xml`))).toEqual(chronosEntries);
  });

  it('groups/1/20090707.xml: the same list served for the date route', () => {
    expect(xmlCodec.parseStatuses(fixture(`${CHRONOS}groups/1/20090707.xml`))).toEqual(chronosEntries);
  });

  it('groups.xml: XML declaration, a one-item list, a +09:00 offset kept as written', () => {
    expect(xmlCodec.parseGroups(fixture(`${CHRONOS}groups.xml`))).toEqual([
      {
        id: 1,
        name: 'Numero Uno',
        timezone: 'Brisbane',
        createdAt: at('2009-01-18 11:17:13', 540),
        updatedAt: at('2009-01-18 11:17:13', 540),
        feedKey: null,
        membershipsCount: null,
      },
    ]);
  });
});

describe('WeigleWilczek Eclipse client offline literal', () => {
  it('groups-offline-literal.xml: a Berlin group at -05:00 (the offset is opaque, kept)', () => {
    expect(xmlCodec.parseGroups(fixture('weiglewilczek-eclipse/groups-offline-literal.xml'))).toEqual([
      {
        id: 9395,
        name: 'WeigleWilczek',
        timezone: 'Berlin',
        createdAt: at('2011-01-20 14:10:13', -300),
        updatedAt: at('2011-01-20 14:10:13', -300),
        feedKey: null,
        membershipsCount: null,
      },
    ]);
  });
});
