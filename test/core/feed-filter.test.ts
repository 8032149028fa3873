import { describe, expect, it } from 'vitest';
import {
  describeFeedFilter,
  formatFeedFilter,
  parseFeedFilter,
  statusMatchesFilter,
} from '../../src/core/feed-filter.js';
import type { StatusMessage } from '../../src/core/status-message.js';

function status(kind: StatusMessage['kind'], email: string): StatusMessage {
  return {
    key: `Note:1`,
    kind,
    id: 1,
    groupId: 1,
    author: { id: 1, name: 'x', email, avatarUrl: null },
    createdAt: '2026-12-04T10:00:00Z',
    epochMs: 0,
    text: 't',
  };
}

describe('feed filters', () => {
  it('round-trips canonical text, sorted', () => {
    expect(formatFeedFilter(parseFeedFilter('all'))).toBe('all');
    expect(formatFeedFilter(parseFeedFilter('time,notes,user:Basil@X.com'))).toBe(
      'notes,time,user:basil@x.com',
    );
  });
  it('kinds or, users or, kinds and users and', () => {
    const spec = parseFeedFilter('notes,cobot,user:basil@x.com,user:sybil@x.com');
    expect(statusMatchesFilter(spec, status('note', 'basil@x.com'))).toBe(true);
    expect(statusMatchesFilter(spec, status('note', 'SYBIL@x.com'))).toBe(true);
    expect(statusMatchesFilter(spec, status('time', 'basil@x.com'))).toBe(false);
    expect(statusMatchesFilter(spec, status('note', 'polly@x.com'))).toBe(false);
    expect(statusMatchesFilter(parseFeedFilter('all'), status('time', 'polly@x.com'))).toBe(true);
    expect(statusMatchesFilter(parseFeedFilter('cobot'), status('note', ''))).toBe(false);
    expect(statusMatchesFilter(parseFeedFilter('cobot'), status('cobot', ''))).toBe(true);
  });
  it('describes itself', () => {
    expect(describeFeedFilter(parseFeedFilter('all'))).toBe('every status');
    expect(describeFeedFilter(parseFeedFilter('time,user:basil@x.com'))).toBe('time entries by basil@x.com');
    expect(describeFeedFilter(parseFeedFilter('time,cobot'))).toBe('Cobot notices or time entries');
  });
});
