import type { Subscription } from '../store/store.js';

/**
 * Why a feed stopped, in words a channel can act on. The reasons are the relay's stable codes
 * (`owner_login_failed`, `group_not_visible`, `owner_unlinked`, `poll_failed:<code>`, `chat:<reason>`).
 */
export function feedStateWords(sub: Pick<Subscription, 'state' | 'stateReason'>): string {
  if (sub.state === 'active') return 'active';
  const reason = sub.stateReason ?? '';
  const [kind, detail] = reason.includes(':')
    ? [reason.slice(0, reason.indexOf(':')), reason.slice(reason.indexOf(':') + 1)]
    : [reason, ''];
  const why = WORDS[kind]?.(detail) ?? (reason || 'no reason recorded');
  return `${sub.state}: ${why}`;
}

const WORDS: Readonly<Record<string, (detail: string) => string>> = {
  owner_login_failed: () => "its owner's Co-op login stopped working; they must run `login` again",
  group_not_visible: () =>
    'the group is gone or its owner is no longer a member; `subscribe` again to take it over',
  owner_unlinked: () => 'its owner logged out; `subscribe` again to take it over',
  poll_failed: (code) => `Co-op kept failing (${code || 'unknown'}); \`subscribe\` again to restart it`,
  chat: (detail) => `the chat platform refused delivery (${detail || 'unknown'})`,
};
