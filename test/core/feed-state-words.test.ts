import { describe, expect, it } from 'vitest';
import { feedStateWords } from '../../src/core/feed-state-words.js';

describe('feed state words', () => {
  it('says what to do for each pause reason', () => {
    expect(feedStateWords({ state: 'active', stateReason: null })).toBe('active');
    expect(feedStateWords({ state: 'paused', stateReason: 'owner_login_failed' })).toMatch(
      /run `login` again/,
    );
    expect(feedStateWords({ state: 'paused', stateReason: 'group_not_visible' })).toMatch(
      /no longer a member/,
    );
    expect(feedStateWords({ state: 'paused', stateReason: 'owner_unlinked' })).toMatch(/logged out/);
    expect(feedStateWords({ state: 'paused', stateReason: 'poll_failed:server_error' })).toBe(
      'paused: Co-op kept failing (server_error); `subscribe` again to restart it',
    );
    expect(feedStateWords({ state: 'ended', stateReason: 'chat:channel_not_found' })).toBe(
      'ended: the chat platform refused delivery (channel_not_found)',
    );
    expect(feedStateWords({ state: 'paused', stateReason: 'something_new' })).toBe('paused: something_new');
  });
});
