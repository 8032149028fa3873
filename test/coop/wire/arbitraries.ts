import fc from 'fast-check';
import type { Instant } from '../../../src/coop/instant.js';
import type {
  Author,
  DayEntry,
  Group,
  GroupAgenda,
  HarvestCredential,
  Member,
  Note,
  Status,
  User,
  UserAgenda,
} from '../../../src/coop/types.js';

/** Characters XML 1.0 cannot carry; the XML writer replaces them (tested on its own). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const tricky = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '😀',
  'é',
  '\u00a0',
  ']]>',
  '&amp;',
  '&#13;',
  '<![CDATA[',
  '<b>',
  '</status>',
  '\\"',
);

/** Any text XML can carry, heavy on markup characters, whitespace and astral characters. */
export const freeText = fc
  .string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 40 })
  .map((s) => s.replace(NOT_XML_CHAR, ''));

/** Names, emails, URLs: trimmed on reading, so generated trimmed. */
export const nameLike = freeText.map((s) => s.trim());
const optionalName = fc.option(nameLike, { nil: null });

export const id = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Whole seconds (the wire has no fractions), 1970–2099, offsets −12:00…+14:00. */
export const instant: fc.Arbitrary<Instant> = fc.record({
  epochMs: fc.integer({ min: 0, max: 4_102_444_799 }).map((s) => s * 1000),
  offsetMinutes: fc.integer({ min: -720, max: 840 }),
});
const optionalInstant = fc.option(instant, { nil: null });

const day = fc
  .integer({ min: 0, max: 47_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

const hours = fc.double({ noNaN: true, noDefaultInfinity: true }).map((h) => (h === 0 ? 0 : h));

export const author: fc.Arbitrary<Author> = fc.record({
  id,
  name: nameLike,
  email: nameLike,
  avatarThumbUrl: optionalName,
});

const statusBase = {
  id,
  text: freeText,
  groupId: id,
  createdAt: instant,
  updatedAt: optionalInstant,
  user: author,
};

export const note: fc.Arbitrary<Note> = fc.record({ type: fc.constant('Note' as const), ...statusBase });

export const dayEntry: fc.Arbitrary<DayEntry> = fc.record({
  type: fc.constant('DayEntry' as const),
  ...statusBase,
  hours,
  client: optionalName,
  project: optionalName,
  task: optionalName,
  spentAt: fc.option(day, { nil: null }),
  timerStartedAt: optionalInstant,
});

export const status: fc.Arbitrary<Status> = fc.oneof(note, dayEntry);

export const group: fc.Arbitrary<Group> = fc.record({
  id,
  name: nameLike,
  timezone: fc.oneof(
    fc.constantFrom('London', 'Berlin', 'Brisbane', 'Eastern Time (US & Canada)', 'UTC'),
    nameLike.filter((s) => s !== ''),
  ),
  createdAt: optionalInstant,
  updatedAt: optionalInstant,
  feedKey: optionalName,
  membershipsCount: fc.option(fc.nat(), { nil: null }),
});

const memberFields = {
  id,
  email: nameLike,
  firstName: nameLike,
  lastName: nameLike,
  avatarThumbUrl: optionalName,
  updatedAt: optionalInstant,
  city: optionalName,
};

export const member: fc.Arbitrary<Member> = fc.record(memberFields);

export const user: fc.Arbitrary<User> = fc.record({
  ...memberFields,
  hasHarvestCredential: fc.boolean(),
  createdAt: optionalInstant,
});

export const groupAgenda: fc.Arbitrary<GroupAgenda> = fc.record({
  groupId: id,
  agenda: freeText,
  agendaHtml: freeText,
});

export const userAgenda: fc.Arbitrary<UserAgenda> = fc.record({
  userId: id,
  agenda: freeText,
  agendaHtml: freeText,
});

export const harvestCredential: fc.Arbitrary<HarvestCredential> = fc.record({
  id,
  email: nameLike,
  subdomain: nameLike,
  userId: id,
  createdAt: optionalInstant,
  updatedAt: optionalInstant,
});
