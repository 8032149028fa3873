import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoopError } from '../../../src/coop/coop-error.js';
import type { Codec } from '../../../src/coop/wire/codec.js';
import { jsonCodec } from '../../../src/coop/wire/json-codec.js';
import { xmlCodec } from '../../../src/coop/wire/xml-codec.js';
import { status } from './arbitraries.js';
import { fixture } from './fixtures.js';

const PARSERS = [
  'parseStatuses',
  'parseStatus',
  'parseGroups',
  'parseMembers',
  'parseUser',
  'parseGroupAgenda',
  'parseUserAgendas',
  'parseMyAgenda',
  'parseHarvestCredential',
] as const;

type Parser = (typeof PARSERS)[number];

/** Runs a parser; returns the error it threw, or undefined if it returned. */
function failure(codec: Codec, parser: Parser, body: string): unknown {
  try {
    codec[parser](body);
    return undefined;
  } catch (error) {
    return error;
  }
}

function expectBadResponse(codec: Codec, parser: Parser, body: string): CoopError {
  const error = failure(codec, parser, body);
  expect(
    error,
    `${codec.format} ${parser} should refuse ${JSON.stringify(body.slice(0, 60))}`,
  ).toBeInstanceOf(CoopError);
  const coop = error as CoopError;
  expect(coop.code).toBe('bad_response');
  expect(coop.excerpt).toBeDefined();
  expect(coop.excerpt?.length).toBeLessThanOrEqual(121);
  return coop;
}

const COMMON_GARBAGE = [
  '',
  '   \n ',
  'garbage',
  'Internal Server Error',
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
  '<html><body><p>Oops<br></p></body></html>',
  '<html><meta charset=utf-8><body>Maintenance</body></html>',
  'null',
  '42',
  '"text"',
  '[1, 2]',
  '{"id": "abc"}',
  '{"status": ',
  '<statuses type="array"><status><id type="integer">1</id><ty',
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<a>1</a><b>2</b>',
  '\u0000\u0001\u0002',
  `<statuses>${'<status>'.repeat(200)}`,
];

describe.each([xmlCodec, jsonCodec])('$format codec refuses what it cannot read', (codec) => {
  it.each(PARSERS)('%s: garbage, empty, HTML, truncated → bad_response with excerpt', (parser) => {
    for (const body of COMMON_GARBAGE) expectBadResponse(codec, parser, body);
  });

  it('the excerpt is a short one-line cut of the body', () => {
    const body = `<html>\n<body>\n${'x'.repeat(500)}</body>`;
    const error = expectBadResponse(codec, 'parseStatuses', body);
    expect(error.excerpt).toBe(`<html> <body> ${'x'.repeat(106)}…`);
  });

  it('wrong shapes: a record where a list is expected and a list where a record is expected', () => {
    const one = codec.serializeStatus(sampleNote);
    const many = codec.serializeStatuses([sampleNote]);
    expect(expectBadResponse(codec, 'parseStatuses', one).message).toMatch(/statuses/);
    expect(expectBadResponse(codec, 'parseStatus', many).message).toMatch(/status/);
    expect(expectBadResponse(codec, 'parseUser', many).message).toMatch(/user/);
    expect(expectBadResponse(codec, 'parseGroupAgenda', many).message).toMatch(/agenda/);
  });

  it('a status list handed to the group, member and agenda parsers is refused', () => {
    const many = codec.serializeStatuses([sampleNote]);
    for (const parser of ['parseGroups', 'parseMembers', 'parseUserAgendas'] as const) {
      expectBadResponse(codec, parser, many);
    }
  });

  it('fields that cannot be read: bad id, bad time, unknown status type, missing author', () => {
    const note = JSON.parse(jsonCodec.serializeStatus(sampleNote)) as Record<string, unknown>;
    const variants: Record<string, unknown>[] = [
      { ...note, id: 'abc' },
      { ...note, id: 1.5 },
      { ...note, created_at: 'yesterday' },
      { ...note, created_at: null },
      { ...note, type: 'Tweet' },
      { ...note, user: 'Evan' },
      { ...note, user: undefined },
      { ...note, text: { nested: true } },
    ];
    for (const variant of variants) {
      const body = codec === jsonCodec ? JSON.stringify(variant) : toXmlStatus(variant);
      expect(expectBadResponse(codec, 'parseStatus', body).message).toMatch(/^cannot read status: /);
    }
  });

  it('every truncation of a valid document is refused, never misread as a shorter one', () => {
    const body = codec.serializeStatuses([sampleNote, { ...sampleNote, id: 2 }]);
    for (let end = 0; end < body.length - 1; end += 1) {
      expectBadResponse(codec, 'parseStatuses', body.slice(0, end));
    }
  });

  it('hostile bodies (unterminated sections, endless attributes, deep nesting) end in a clean error', () => {
    const hostile = [
      `<s>${'<!--'.repeat(20_000)}`,
      `<s>${'<a b="'.repeat(20_000)}`,
      `<s>${'<![CDATA['.repeat(20_000)}`,
      '<!DOCTYPE'.repeat(20_000),
      `<statuses><a${' '.repeat(100_000)}`,
      `<statuses>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</statuses>`,
      `{"s":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      `{${'"a", '.repeat(20_000)}`,
    ];
    for (const body of hostile) expectBadResponse(codec, 'parseStatuses', body);
  });

  it('property: any string returns or throws a bad_response CoopError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom(...PARSERS),
        (body, parser) => {
          const error = failure(codec, parser, body);
          return error === undefined || (error instanceof CoopError && error.code === 'bad_response');
        },
      ),
    );
  });

  it('property: any JSON value, and any status with a field mangled, never crashes', () => {
    const mangled = fc
      .tuple(
        status,
        fc.jsonValue(),
        fc.constantFrom('id', 'type', 'text', 'group_id', 'created_at', 'user', 'hours'),
      )
      .map(([s, value, key]) => ({ ...(JSON.parse(jsonCodec.serializeStatus(s)) as object), [key]: value }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mangled), fc.constantFrom(...PARSERS), (value, parser) => {
        const body = codec === jsonCodec ? JSON.stringify(value) : toXmlStatus(value);
        const error = failure(codec, parser, body);
        return error === undefined || (error instanceof CoopError && error.code === 'bad_response');
      }),
    );
  });

  it('property: random single-character damage to a fixture never crashes', () => {
    const body =
      codec === xmlCodec
        ? fixture('mocra-chronos/groups/1.xml')
        : fixture('evanwalsh-coop/head-6401a52/statuses.json');
    fc.assert(
      fc.property(fc.nat(body.length - 1), fc.string({ maxLength: 3 }), (index, insert) => {
        const damaged = body.slice(0, index) + insert + body.slice(index + 1);
        const error = failure(codec, 'parseStatuses', damaged);
        return error === undefined || (error instanceof CoopError && error.code === 'bad_response');
      }),
    );
  });
});

const sampleNote = {
  type: 'Note' as const,
  id: 1,
  text: 'hello',
  groupId: 7,
  createdAt: { epochMs: Date.UTC(2012, 2, 2, 14, 15), offsetMinutes: -300 },
  updatedAt: null,
  user: { id: 42, name: 'Ada', email: 'ada@example.org', avatarThumbUrl: null },
};

/** A crude JSON → XML mapping for building hostile XML status documents. */
function toXmlStatus(value: unknown): string {
  const render = (name: string, v: unknown): string => {
    const tag = name.replaceAll('_', '-');
    if (v === null) return `<${tag} nil="true"></${tag}>`;
    if (Array.isArray(v))
      return `<${tag} type="array">${v.map((item) => render('item', item)).join('')}</${tag}>`;
    if (typeof v === 'object') {
      const inner = Object.entries(v as Record<string, unknown>)
        .filter(([key]) => /^[A-Za-z_][\w-]*$/.test(key))
        .map(([key, item]) => render(key, item))
        .join('');
      return `<${tag}>${inner}</${tag}>`;
    }
    return `<${tag}>${String(v).replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</${tag}>`;
  };
  return render('status', value);
}
