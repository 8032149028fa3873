import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Codec } from '../../../src/coop/wire/codec.js';
import { jsonCodec } from '../../../src/coop/wire/json-codec.js';
import { xmlCodec } from '../../../src/coop/wire/xml-codec.js';
import {
  author,
  dayEntry,
  group,
  groupAgenda,
  harvestCredential,
  member,
  note,
  status,
  user,
  userAgenda,
} from './arbitraries.js';
import { fixture, fixtureBody } from './fixtures.js';

const RUNS = { numRuns: 300 };

describe.each([xmlCodec, jsonCodec])('$format: serialize then parse gives the value back', (codec) => {
  it('any status list, Notes and DayEntries mixed (text with markup, quotes, emoji, CR/LF, edge spaces)', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 5 }), (statuses) => {
        expect(codec.parseStatuses(codec.serializeStatuses(statuses))).toEqual(statuses);
      }),
      RUNS,
    );
  });

  it('any single Note or DayEntry', () => {
    fc.assert(
      fc.property(fc.oneof(note, dayEntry), (s) => {
        expect(codec.parseStatus(codec.serializeStatus(s))).toEqual(s);
      }),
      RUNS,
    );
  });

  it('a Cobot status (author id 0, empty email, no avatar)', () => {
    fc.assert(
      fc.property(note, (s) => {
        const cobot = { ...s, user: { id: 0, name: 'Cobot', email: '', avatarThumbUrl: null } };
        expect(codec.parseStatus(codec.serializeStatus(cobot))).toEqual(cobot);
      }),
    );
  });

  it('any group list', () => {
    fc.assert(
      fc.property(fc.array(group, { maxLength: 4 }), (groups) => {
        expect(codec.parseGroups(codec.serializeGroups(groups))).toEqual(groups);
      }),
      RUNS,
    );
  });

  it('any member list and any own user record', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 4 }), user, (members, own) => {
        expect(codec.parseMembers(codec.serializeMembers(members))).toEqual(members);
        expect(codec.parseUser(codec.serializeUser(own))).toEqual(own);
      }),
      RUNS,
    );
  });

  it('any group agenda, user agenda list and my agenda', () => {
    fc.assert(
      fc.property(groupAgenda, fc.array(userAgenda, { maxLength: 4 }), userAgenda, (ga, uas, mine) => {
        expect(codec.parseGroupAgenda(codec.serializeGroupAgenda(ga))).toEqual(ga);
        expect(codec.parseUserAgendas(codec.serializeUserAgendas(uas))).toEqual(uas);
        expect(codec.parseMyAgenda(codec.serializeMyAgenda(mine))).toEqual(mine);
      }),
      RUNS,
    );
  });

  it('any Harvest credential', () => {
    fc.assert(
      fc.property(harvestCredential, (credential) => {
        expect(codec.parseHarvestCredential(codec.serializeHarvestCredential(credential))).toEqual(
          credential,
        );
      }),
      RUNS,
    );
  });

  it('statuses with colliding ids keep both (identity is type + id)', () => {
    fc.assert(
      fc.property(note, dayEntry, (n, d) => {
        const pair = [n, { ...d, id: n.id }];
        expect(codec.parseStatuses(codec.serializeStatuses(pair))).toEqual(pair);
      }),
    );
  });

  it('author names and URLs are trimmed on reading, status text is not', () => {
    fc.assert(
      fc.property(note, author, (s, a) => {
        const padded = {
          ...s,
          text: `  ${s.text} \n`,
          user: {
            ...a,
            name: ` ${a.name}\n `,
            avatarThumbUrl: a.avatarThumbUrl && `\n  ${a.avatarThumbUrl}\n`,
          },
        };
        const read = codec.parseStatus(codec.serializeStatus(padded));
        expect(read.text).toBe(padded.text);
        expect(read.user).toEqual(a);
      }),
    );
  });
});

const BODY_FIXTURES: [string, keyof Codec & `parse${string}`][] = [
  ['evanwalsh-coop/head-6401a52/statuses.json', 'parseStatuses'],
  ['evanwalsh-coop/head-6401a52/statuses_for_user.json', 'parseStatuses'],
  ['evanwalsh-coop/head-6401a52/statuses_for_date.json', 'parseStatuses'],
  ['evanwalsh-coop/head-6401a52/show_status.json', 'parseStatus'],
  ['evanwalsh-coop/head-6401a52/user.json', 'parseUser'],
  ['evanwalsh-coop/head-6401a52/users.json', 'parseMembers'],
  ['evanwalsh-coop/head-6401a52/groups.json', 'parseGroups'],
  ['evanwalsh-coop/head-6401a52/agenda.json', 'parseGroupAgenda'],
  ['evanwalsh-coop/head-6401a52/my_agenda.json', 'parseMyAgenda'],
  ['evanwalsh-coop/head-6401a52/user_agendas.json', 'parseUserAgendas'],
  ['evanwalsh-coop/first-commit-902c8ce-with-headers/statuses.json', 'parseStatuses'],
  ['evanwalsh-coop/first-commit-902c8ce-with-headers/user.json', 'parseUser'],
  ['mocra-chronos/groups.xml', 'parseGroups'],
  ['mocra-chronos/groups/1.xml', 'parseStatuses'],
  ['mocra-chronos/groups/1/20090707.xml', 'parseStatuses'],
  ['weiglewilczek-eclipse/groups-offline-literal.xml', 'parseGroups'],
  ['docs-samples/statuses-list.xml', 'parseStatuses'],
  ['docs-samples/statuses-list.json', 'parseStatuses'],
  ['docs-samples/status-single-teype.xml', 'parseStatus'],
  ['docs-samples/status-single.json', 'parseStatus'],
];

const SERIALIZER: Record<string, keyof Codec> = {
  parseStatuses: 'serializeStatuses',
  parseStatus: 'serializeStatus',
  parseUser: 'serializeUser',
  parseMembers: 'serializeMembers',
  parseGroups: 'serializeGroups',
  parseGroupAgenda: 'serializeGroupAgenda',
  parseMyAgenda: 'serializeMyAgenda',
  parseUserAgendas: 'serializeUserAgendas',
};

/** Calls a codec method by name (the fixture table names them). */
function call(codec: Codec, method: keyof Codec, arg: unknown): unknown {
  const fn = codec[method] as (value: unknown) => unknown;
  return fn.call(codec, arg);
}

describe('fixtures: parse → serialize → parse is stable, in either format', () => {
  it.each(BODY_FIXTURES)('%s', (path, parser) => {
    const source = path.endsWith('.json') ? jsonCodec : xmlCodec;
    const value = call(source, parser, fixtureBody(path));
    const serializer = SERIALIZER[parser] as keyof Codec;
    for (const target of [xmlCodec, jsonCodec]) {
      const written = call(target, serializer, value) as string;
      expect(call(target, parser, written)).toEqual(value);
      // The rewritten document is itself a fixed point.
      expect(call(target, serializer, call(target, parser, written))).toBe(written);
    }
  });

  it('the JSON and XML docs samples describe the same statuses', () => {
    expect(xmlCodec.parseStatuses(fixture('docs-samples/statuses-list.xml'))).toEqual(
      jsonCodec.parseStatuses(fixture('docs-samples/statuses-list.json')),
    );
  });
});
