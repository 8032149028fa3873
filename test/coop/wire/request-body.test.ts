import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoopError } from '../../../src/coop/coop-error.js';
import { jsonCodec } from '../../../src/coop/wire/json-codec.js';
import { parseRequestBody } from '../../../src/coop/wire/request-body.js';
import { xmlCodec } from '../../../src/coop/wire/xml-codec.js';
import { freeText, id } from './arbitraries.js';
import { fixture } from './fixtures.js';

const XML = 'application/xml';
const JSON_TYPE = 'application/json; charset=utf-8';

describe('parseRequestBody: XML', () => {
  it('the docs samples: text body, JSON body, structured body', () => {
    expect(parseRequestBody(fixture('docs-samples/post-text.xml'), XML)).toEqual({ status: 'A note' });
    expect(parseRequestBody(fixture('docs-samples/post.json'), JSON_TYPE)).toEqual({ status: 'A note' });
    expect(parseRequestBody(fixture('docs-samples/post-structured.xml'), XML)).toEqual({
      status: { text: 'A note' },
    });
  });

  it('with or without a declaration (BLC/coop_github_hook sent one)', () => {
    expect(
      parseRequestBody('<?xml version="1.0" encoding="UTF-8"?>\n<status>Deployed</status>', XML),
    ).toEqual({
      status: 'Deployed',
    });
    expect(parseRequestBody('<status><text>t</text></status>', XML)).toEqual({ status: { text: 't' } });
  });

  it('unescaped text from early clients is recovered, not refused', () => {
    expect(parseRequestBody('<status>a & b <3</status>', XML)).toEqual({ status: 'a & b <3' });
    expect(parseRequestBody('<status>AT&T &nbsp; R&D</status>', XML)).toEqual({ status: 'AT&T &nbsp; R&D' });
    expect(parseRequestBody('<status>a <b> c</status>', XML)).toEqual({ status: 'a <b> c' });
    expect(parseRequestBody('<status><text>x < y & z</text></status>', XML)).toEqual({
      status: { text: 'x < y & z' },
    });
    expect(parseRequestBody('<status><text>a <b> c</text></status>', XML)).toEqual({
      status: { text: 'a <b> c' },
    });
  });

  it('markup beside text is kept as the text the sender typed', () => {
    expect(parseRequestBody('<status>use <b>bold</b> &amp; more</status>', XML)).toEqual({
      status: 'use <b>bold</b> & more',
    });
  });

  it('text is kept as sent: spaces, newlines, escaped CR', () => {
    expect(parseRequestBody('<status>  two  lines\n&#13;</status>', XML)).toEqual({
      status: '  two  lines\n\r',
    });
    expect(parseRequestBody('<status></status>', XML)).toEqual({ status: '' });
    expect(parseRequestBody('<status/>', XML)).toEqual({ status: '' });
  });

  it('dashed or underscored names become underscores; nil is null; typed values are cast like Rails', () => {
    const body =
      '<status><text>Pairing</text><hours>0.75</hours><project_id>111</project_id><task-id>222</task-id></status>';
    expect(parseRequestBody(body, XML)).toEqual({
      status: { text: 'Pairing', hours: '0.75', project_id: '111', task_id: '222' },
    });
    const typed =
      '<status><hours type="float">0.75</hours><project-id type="integer">111</project-id>' +
      '<done type="boolean">true</done><note nil="true"/></status>';
    expect(parseRequestBody(typed, XML)).toEqual({
      status: { hours: 0.75, project_id: 111, done: true, note: null },
    });
    expect(
      parseRequestBody(
        '<harvest-credential><subdomain>fawlty</subdomain><email>b@f</email><password>p</password></harvest-credential>',
        XML,
      ),
    ).toEqual({ harvest_credential: { subdomain: 'fawlty', email: 'b@f', password: 'p' } });
  });

  it('the agenda body', () => {
    expect(parseRequestBody('<agenda>* demo Friday\n* code freeze</agenda>', XML)).toEqual({
      agenda: '* demo Friday\n* code freeze',
    });
  });
});

describe('parseRequestBody: JSON', () => {
  it('string status, object status, and the GitHub hook body with its key', () => {
    expect(parseRequestBody('{"status":"t"}', JSON_TYPE)).toEqual({ status: 't' });
    expect(
      parseRequestBody(
        '{"status": {"text": "Pairing on login bug", "hours": 0.75, "project_id": 1}}',
        JSON_TYPE,
      ),
    ).toEqual({ status: { text: 'Pairing on login bug', hours: 0.75, project_id: 1 } });
    const hook =
      '{"status":"octocat just committed a change to hello on GitHub: Fix <b> & co (https://github.com/o/h/commit/1)",' +
      '"key":"s3cr3t"}';
    expect(parseRequestBody(hook, JSON_TYPE)).toEqual({
      status:
        'octocat just committed a change to hello on GitHub: Fix <b> & co (https://github.com/o/h/commit/1)',
      key: 's3cr3t',
    });
  });

  it('dashed keys become underscores, at any depth', () => {
    expect(parseRequestBody('{"harvest-credential": {"sub-domain": "x"}}', JSON_TYPE)).toEqual({
      harvest_credential: { sub_domain: 'x' },
    });
  });

  it('keys that could reach Object.prototype are dropped', () => {
    const params = parseRequestBody(
      '{"__proto__": {"admin": true}, "status": {"constructor": 1, "text": "t"}}',
      JSON_TYPE,
    );
    expect(params).toEqual({ status: { text: 't' } });
    expect(Object.hasOwn(params, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('parseRequestBody: choosing the format', () => {
  it('the body decides when the Content-Type is missing or wrong', () => {
    expect(parseRequestBody('<status>x</status>', undefined)).toEqual({ status: 'x' });
    expect(parseRequestBody('<status>x</status>', 'application/json')).toEqual({ status: 'x' });
    expect(parseRequestBody('{"status":"x"}', 'application/xml')).toEqual({ status: 'x' });
    expect(parseRequestBody('{"status":"x"}', 'text/plain')).toEqual({ status: 'x' });
    expect(parseRequestBody('  \n{"status":"x"}\n', undefined)).toEqual({ status: 'x' });
  });

  it('an empty body (GETs sent with Content-Type: application/xml) gives no parameters', () => {
    expect(parseRequestBody('', XML)).toEqual({});
    expect(parseRequestBody('  \r\n', JSON_TYPE)).toEqual({});
  });

  it.each([
    ['{"status": ', JSON_TYPE, /malformed JSON/],
    ['[1, 2]', JSON_TYPE, /must be an object/],
    ['"just a string"', JSON_TYPE, /malformed JSON|must be an object/],
    ['<status>', XML, /malformed XML/],
    ['<status><text>t</status>', XML, /malformed XML/],
    ['status=hello', undefined, /expected an XML or JSON body/],
    ['hello', 'text/plain', /expected an XML or JSON body/],
  ])('%j (%s) is a bad_request naming the problem', (body, type, message) => {
    let error: unknown;
    try {
      parseRequestBody(body, type);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CoopError);
    expect(error).toMatchObject({ code: 'bad_request', excerpt: body.trim() });
    expect((error as CoopError).message).toMatch(message);
  });

  it('hostile nesting is a bad_request, not a stack overflow escaping', () => {
    const deepJson = `{"status":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const deepXml = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    for (const body of [deepJson, deepXml]) {
      expect(() => parseRequestBody(body, undefined)).toThrow(
        expect.objectContaining({ code: 'bad_request' }),
      );
    }
  });

  it('property: any body gives params or a bad_request, nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.json(),
          freeText.map((t) => `<status>${t}</status>`),
        ),
        fc.constantFrom(undefined, XML, JSON_TYPE),
        (body, type) => {
          try {
            parseRequestBody(body, type);
            return true;
          } catch (error) {
            return error instanceof CoopError && error.code === 'bad_request';
          }
        },
      ),
    );
  });
});

describe('what the client encodes, the server reads back', () => {
  it.each([xmlCodec, jsonCodec])('$format: status text, agenda, harvest credential', (codec) => {
    fc.assert(
      fc.property(freeText, freeText, freeText, (text, subdomain, password) => {
        expect(parseRequestBody(codec.encodeStatusText(text), codec.mimeType)).toEqual({ status: text });
        expect(parseRequestBody(codec.encodeAgenda(text), codec.mimeType)).toEqual({ agenda: text });
        const credential = { subdomain, email: 'b@f', password };
        expect(parseRequestBody(codec.encodeHarvestCredential(credential), codec.mimeType)).toEqual({
          harvest_credential: credential,
        });
      }),
    );
  });

  it.each([xmlCodec, jsonCodec])(
    '$format: a DayEntry (XML values arrive as strings, as in Rails)',
    (codec) => {
      const hours = fc.double({ min: 0, max: 24, noNaN: true }).map((h) => (h === 0 ? 0 : h));
      fc.assert(
        fc.property(freeText, hours, id, id, (text, h, projectId, taskId) => {
          const params = parseRequestBody(
            codec.encodeDayEntry({ text, hours: h, projectId, taskId }),
            codec.mimeType,
          );
          const status = params.status as Record<string, unknown>;
          expect(status.text).toBe(text);
          expect(Number(status.hours)).toBe(h);
          expect(Number(status.project_id)).toBe(projectId);
          expect(Number(status.task_id)).toBe(taskId);
        }),
      );
    },
  );
});
