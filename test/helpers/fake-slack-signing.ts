import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`), hex. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  /** Omit to send the request unsigned. */
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Overrides the computed signature (a wrong one). */
  signature?: string;
}

export interface PostResult {
  status: number;
  body: string;
}

/** POSTs a form body to Bolt's events endpoint the way Slack does. */
export async function postToSlackApp(
  url: string,
  body: string,
  options: SignedPostOptions,
): Promise<PostResult> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.secret !== undefined || options.signature !== undefined) {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = options.signature ?? slackSignature(options.secret ?? '', timestamp, body);
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

export interface SlashCommandFields {
  text: string;
  userId: string;
  userName: string;
  teamId: string;
  channelId: string;
  responseUrl: string;
  triggerId?: string;
  command?: string;
}

/** The form body of a slash command invocation. */
export function slashCommandBody(f: SlashCommandFields): string {
  return new URLSearchParams(slashCommandPayload(f)).toString();
}

/** A slash command's fields (Socket Mode delivers them as this object). */
export function slashCommandPayload(f: SlashCommandFields): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: f.teamId,
    team_domain: 'fawlty',
    channel_id: f.channelId,
    channel_name: 'general',
    user_id: f.userId,
    user_name: f.userName,
    command: f.command ?? '/coop',
    text: f.text,
    api_app_id: 'A0COOP',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: f.triggerId ?? `${Date.now()}.1.trigger`,
  };
}

/** The form body of an interactivity payload (a view submission, say). */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
