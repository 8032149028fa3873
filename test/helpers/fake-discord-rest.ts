import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_ID, BOT, CHANNEL_ID, type Json, messageObject, snowflake } from './fake-discord-world.js';

/** One REST call the bot made: path without the `/api/v10` prefix, JSON body parsed. */
export interface RecordedCall {
  method: string;
  path: string;
  query: string;
  body: unknown;
  /** Whether it carried `Authorization: Bot …` (interaction callbacks do not). */
  authorized: boolean;
}

/** An answer to give instead of the normal one, once, to the first call that matches. */
export interface FakeFailure {
  method: string;
  path: RegExp;
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

/** Rate-limit headers saying "bucket empty" on the next normal answer to a matching call. */
export interface FakeBucketLimit {
  method: string;
  path: RegExp;
  resetAfterSeconds: number;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  content: string;
  embeds: unknown;
  nonce?: unknown;
  deleted: boolean;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Route = (match: RegExpExecArray, body: Json, state: RestState) => Answer;

export class RestState {
  readonly calls: RecordedCall[] = [];
  readonly failures: FakeFailure[] = [];
  readonly limits: FakeBucketLimit[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly dmChannels = new Map<string, string>();
  gatewayUrl = '';

  /** A new bot message, or the one already posted with the same nonce (`enforce_nonce`). */
  post(channelId: string, body: Json, webhook = false): Json {
    const nonce = body.nonce;
    if (body.enforce_nonce === true && nonce !== undefined) {
      const earlier = [...this.messages.values()].find((m) => m.channelId === channelId && m.nonce === nonce);
      if (earlier) return this.present(earlier, webhook);
    }
    const stored: StoredMessage = {
      id: snowflake(),
      channelId,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: body.embeds ?? [],
      ...(nonce !== undefined ? { nonce } : {}),
      deleted: false,
    };
    this.messages.set(stored.id, stored);
    return this.present(stored, webhook);
  }

  present(m: StoredMessage, webhook = false): Json {
    return messageObject({
      id: m.id,
      channelId: m.channelId,
      author: BOT,
      content: m.content,
      embeds: m.embeds,
      nonce: m.nonce,
      ...(webhook ? { webhookId: APP_ID } : {}),
    });
  }
}

const notFound = (code: number, message: string): Answer => ({ status: 404, body: { message, code } });

function edit(state: RestState, id: string, body: Json, webhook = false): Answer {
  const m = state.messages.get(id);
  if (!m || m.deleted) return notFound(10008, 'Unknown Message');
  if (typeof body.content === 'string') m.content = body.content;
  if (body.embeds !== undefined) m.embeds = body.embeds;
  return { status: 200, body: state.present(m, webhook) };
}

/** The original response of an interaction, once it has content: a message in #general. */
function original(state: RestState, token: string): StoredMessage {
  const id = `original-${token}`;
  const m = state.messages.get(id) ?? {
    id: snowflake(),
    channelId: CHANNEL_ID,
    content: '',
    embeds: [],
    deleted: false,
  };
  state.messages.set(id, m);
  return m;
}

const ROUTES: ReadonlyArray<[string, RegExp, Route]> = [
  [
    'GET',
    /^\/gateway\/bot$/,
    (_m, _b, s) => ({
      status: 200,
      body: {
        url: s.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: 1 },
      },
    }),
  ],
  ['POST', /^\/channels\/(\d+)\/messages$/, (m, b, s) => ({ status: 200, body: s.post(m[1] as string, b) })],
  ['PATCH', /^\/channels\/\d+\/messages\/(\d+)$/, (m, b, s) => edit(s, m[1] as string, b)],
  [
    'DELETE',
    /^\/channels\/\d+\/messages\/(\d+)$/,
    (m, _b, s) => {
      const stored = s.messages.get(m[1] as string);
      if (stored) stored.deleted = true;
      return { status: 204 };
    },
  ],
  ['PUT', /^\/channels\/\d+\/messages\/\d+\/reactions\/[^/]+\/@me$/, () => ({ status: 204 })],
  [
    'POST',
    /^\/users\/@me\/channels$/,
    (_m, b, s) => {
      const recipient = String(b.recipient_id);
      const id = s.dmChannels.get(recipient) ?? snowflake();
      s.dmChannels.set(recipient, id);
      return {
        status: 200,
        body: {
          id,
          type: 1,
          last_message_id: null,
          recipients: [
            { id: recipient, username: 'someone', discriminator: '0', global_name: null, avatar: null },
          ],
        },
      };
    },
  ],
  ['POST', /^\/interactions\/\d+\/[^/]+\/callback$/, () => ({ status: 204 })],
  [
    'PATCH',
    /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/,
    (m, b, s) => edit(s, original(s, m[1] as string).id, b, true),
  ],
  [
    'DELETE',
    /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/,
    (m, _b, s) => {
      original(s, m[1] as string).deleted = true;
      return { status: 204 };
    },
  ],
  ['POST', /^\/webhooks\/\d+\/[^/]+$/, (_m, b, s) => ({ status: 200, body: s.post(CHANNEL_ID, b, true) })],
  [
    'PUT',
    /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/,
    (_m, b) => ({
      status: 200,
      body: (Array.isArray(b) ? b : []).map((c: Json) => ({
        ...c,
        id: snowflake(),
        application_id: APP_ID,
        version: '1',
      })),
    }),
  ],
];

function answer(state: RestState, method: string, path: string, body: Json): Answer {
  const failure = state.failures.findIndex((f) => f.method === method && f.path.test(path));
  if (failure >= 0) {
    const [f] = state.failures.splice(failure, 1) as [FakeFailure];
    return {
      status: f.status,
      body: f.body ?? { message: 'fake failure', code: 0 },
      ...(f.headers ? { headers: f.headers } : {}),
    };
  }
  for (const [m, pattern, route] of ROUTES) {
    const match = m === method ? pattern.exec(path) : null;
    if (match) return withBucketLimit(state, method, path, route(match, body, state));
  }
  return notFound(0, '404: Not Found');
}

/**
 * Every answer names its rate-limit bucket, as Discord's do (@discordjs/rest keys its queues by it);
 * a queued limit says the bucket is empty until `resetAfterSeconds` from now.
 */
function withBucketLimit(state: RestState, method: string, path: string, normal: Answer): Answer {
  const index = state.limits.findIndex((l) => l.method === method && l.path.test(path));
  const limit = index >= 0 ? state.limits.splice(index, 1)[0] : undefined;
  const headers = {
    'x-ratelimit-bucket': `fake-${method}-${path.replace(/\d+/g, 'id').replace(/[^\w/@-]/g, '_')}`,
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': limit ? '0' : '4',
    'x-ratelimit-reset-after': String(limit?.resetAfterSeconds ?? 1),
  };
  return { ...normal, headers: { ...normal.headers, ...headers } };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Handles `/api/v10/...` like Discord would, recording each call before answering it. */
export async function handleRest(state: RestState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
  const method = req.method ?? 'GET';
  const body = await readBody(req);
  state.calls.push({
    method,
    path,
    query: url.search,
    body,
    authorized: /^Bot /.test(req.headers.authorization ?? ''),
  });
  const result = answer(state, method, path, (body ?? {}) as Json);
  const headers = {
    ...result.headers,
    ...(result.body !== undefined ? { 'content-type': 'application/json' } : {}),
  };
  res.writeHead(result.status, headers);
  res.end(result.body !== undefined ? JSON.stringify(result.body) : undefined);
}
