import type { StatusMessage } from './status-message.js';

/** Who sees a reply: the caller alone (Slack ephemeral, Discord ephemeral) or the whole channel. */
export type Visibility = 'private' | 'channel';

/** A row of a simple list (groups, members, feeds). */
export interface ListItem {
  title: string;
  detail?: string;
}

/**
 * What the core answers. Neutral: no Slack blocks, no Discord embeds, no markup; each adapter
 * renders every kind. Text fields are untrusted (they may hold Co-op user text) and must be escaped
 * by the renderer for its platform.
 */
export type Reply =
  | { kind: 'text'; visibility: Visibility; text: string }
  | { kind: 'list'; visibility: Visibility; title: string; items: ListItem[]; empty: string }
  | { kind: 'statuses'; visibility: Visibility; title: string; statuses: StatusMessage[]; empty: string }
  | { kind: 'status'; visibility: Visibility; title: string; status: StatusMessage }
  | {
      kind: 'error';
      visibility: 'private';
      /** Stable, e.g. `usage`, `not_linked`, `unauthorized`, `not_found`, `no_group`. */
      code: string;
      message: string;
      usage?: string;
      example?: string;
    }
  /** The adapter collects email and password privately (modal, hidden prompt), then calls `completeLogin`. */
  | { kind: 'login-form'; visibility: 'private'; text: string; email?: string };

export function privateText(text: string): Reply {
  return { kind: 'text', visibility: 'private', text };
}

export function errorReply(
  code: string,
  message: string,
  extra: { usage?: string; example?: string } = {},
): Reply {
  return { kind: 'error', visibility: 'private', code, message, ...extra };
}
