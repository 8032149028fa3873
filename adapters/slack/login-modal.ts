import type { types } from '@slack/bolt';
import { escapeWithin, plainWithin } from './slack-escape.js';
import { mrkdwn } from './slack-message.js';

export const LOGIN_CALLBACK_ID = 'coop_login';
export const EMAIL_BLOCK = 'email';
export const PASSWORD_BLOCK = 'password';
export const INPUT_ACTION = 'value';

/** Where the login started: the result is shown to the user there. Travels in `private_metadata`. */
export interface LoginOrigin {
  channel: string;
  /** The slash command's `response_url`: a second way to answer if `chat.postEphemeral` cannot. */
  responseUrl?: string;
}

export const PASSWORD_HINT =
  'Slack has no hidden input: the password is visible on your screen while you type it. ' +
  'Only you see this form. The bot checks it with Co-op and stores it encrypted; it is never shown or logged.';

/** The private form `login` opens: email (prefilled when typed) and password. */
export function loginModal(origin: LoginOrigin, intro: string, email?: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: LOGIN_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Co-op login' },
    submit: { type: 'plain_text', text: 'Log in' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: encodeOrigin(origin),
    blocks: [
      { type: 'section', text: mrkdwn(escapeWithin(intro, 2000)) },
      {
        type: 'input',
        block_id: EMAIL_BLOCK,
        label: { type: 'plain_text', text: 'Co-op email' },
        element: {
          type: 'email_text_input',
          action_id: INPUT_ACTION,
          placeholder: { type: 'plain_text', text: 'you@example.com' },
          ...(email ? { initial_value: plainWithin(email, 150) } : {}),
        },
      },
      {
        type: 'input',
        block_id: PASSWORD_BLOCK,
        label: { type: 'plain_text', text: 'Co-op password' },
        hint: { type: 'plain_text', text: PASSWORD_HINT },
        element: { type: 'plain_text_input', action_id: INPUT_ACTION },
      },
    ],
  };
}

export function encodeOrigin(origin: LoginOrigin): string {
  return JSON.stringify({ c: origin.channel, ...(origin.responseUrl ? { r: origin.responseUrl } : {}) });
}

/** Reads `private_metadata` back; anything unexpected means "origin unknown". */
export function decodeOrigin(metadata: string): LoginOrigin | undefined {
  try {
    const value: unknown = JSON.parse(metadata);
    if (typeof value !== 'object' || value === null) return undefined;
    // An object of unknown shape: each field is checked below before use.
    const { c, r } = value as { c?: unknown; r?: unknown };
    if (typeof c !== 'string' || c === '') return undefined;
    return { channel: c, ...(typeof r === 'string' && r !== '' ? { responseUrl: r } : {}) };
  } catch {
    return undefined;
  }
}
