import { describe, expect, it } from 'vitest';
import { CoopError } from '../../../src/coop/coop-error.js';
import type { Note } from '../../../src/coop/types.js';
import { jsonCodec } from '../../../src/coop/wire/json-codec.js';
import { xmlCodec } from '../../../src/coop/wire/xml-codec.js';
import { at, fixture } from './fixtures.js';

const basil = {
  id: 21,
  name: 'Basil Fawlty',
  email: 'basil@fawltytowers.com',
  // Pretty-printed on its own indented lines in the docs: trimmed.
  avatarThumbUrl: 'http://coopapp.com/uploads/avatars/21/thumb/smile.png?1233860995',
};

const listNotes: Note[] = [
  {
    type: 'Note',
    id: 247,
    text: 'API note',
    groupId: 25,
    createdAt: at('2008-11-19 20:19:45', 0),
    updatedAt: at('2008-11-19 20:19:45', 0),
    user: basil,
  },
  {
    type: 'Note',
    id: 246,
    text: 'A note',
    groupId: 25,
    createdAt: at('2008-11-19 17:41:48', 0),
    updatedAt: at('2008-11-19 17:41:48', 0),
    user: basil,
  },
];

const singleNote: Note = {
  type: 'Note',
  id: 2,
  text: 'NOTE!',
  groupId: 25,
  createdAt: at('2008-06-11 09:25:04', -240),
  updatedAt: at('2008-06-11 09:25:04', -240),
  user: basil,
};

describe('the docs samples, defects included', () => {
  it('statuses-list.xml: mismatched end tags (</user-id> for <id>) are repaired', () => {
    const body = fixture('docs-samples/statuses-list.xml');
    expect(body).toContain('<id type="integer">21</user-id>');
    expect(xmlCodec.parseStatuses(body)).toEqual(listNotes);
  });

  it('status-single-teype.xml: the missing <type> (spelled <teype>) reads as a Note', () => {
    expect(xmlCodec.parseStatus(fixture('docs-samples/status-single-teype.xml'))).toEqual(singleNote);
  });

  it('statuses-list.json: "group_id", 25 is repaired, Rails 2 dates read with their offset', () => {
    expect(jsonCodec.parseStatuses(fixture('docs-samples/statuses-list.json'))).toEqual(listNotes);
  });

  it('status-single.json: the same repair, dates at -0400', () => {
    expect(jsonCodec.parseStatus(fixture('docs-samples/status-single.json'))).toEqual(singleNote);
  });

  it('an end tag naming an outer element is not guessed at: clean bad_response with excerpt', () => {
    const body = '<statuses type="array"><status><id type="integer">1</statuses>';
    const error = catchError(() => xmlCodec.parseStatuses(body));
    expect(error).toBeInstanceOf(CoopError);
    expect(error).toMatchObject({ code: 'bad_response', excerpt: body });
    expect((error as CoopError).message).toMatch(/statuses.*malformed XML/);
  });

  it('JSON broken beyond the comma-for-colon typo is a clean bad_response with excerpt', () => {
    // The agenda sample's defects (§12.4): no closing brace, a raw line break inside a string.
    const body = '{"group_id": 25, "agenda": "line one\nline two"';
    expect(() => jsonCodec.parseGroupAgenda(body)).toThrow(
      expect.objectContaining({
        code: 'bad_response',
        excerpt: '{"group_id": 25, "agenda": "line one line two"',
      }),
    );
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
