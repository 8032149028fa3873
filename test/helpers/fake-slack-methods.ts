/** A Slack member as `users.info` describes them; `email` only as `users:read.email` would show it. */
export interface FakeUser {
  id: string;
  name: string;
  realName?: string;
  displayName?: string;
  email?: string;
}

export interface FakeMessage {
  ts: string;
  text: unknown;
  blocks: unknown;
  metadata?: unknown;
  bot_id: string;
}

export const FAKE_TEAM = 'T0FAWLTY';
export const FAKE_BOT_USER = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';

/** The fake's state: who the members are, what each channel holds. */
export class FakeWorkspace {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeMessage[]>();
  private tsCounter = 0;

  constructor(users: readonly FakeUser[]) {
    for (const user of users) this.users.set(user.id, user);
  }

  nextTs(): string {
    this.tsCounter += 1;
    return `${1_765_000_000 + this.tsCounter}.000${String(this.tsCounter).padStart(3, '0')}`;
  }

  messages(channel: string): FakeMessage[] {
    let list = this.channels.get(channel);
    if (!list) {
      list = [];
      this.channels.set(channel, list);
    }
    return list;
  }
}

type Args = Record<string, unknown>;
type Answer = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));

/** Plausible answers for the methods the adapter calls; any other method just says `ok`. */
export function answerMethod(
  ws: FakeWorkspace,
  method: string,
  args: Args,
  env: { baseUrl: string },
): Answer {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://fawlty.slack.com/',
        team: 'Fawlty',
        team_id: FAKE_TEAM,
        user: 'coop',
        user_id: FAKE_BOT_USER,
        bot_id: FAKE_BOT_ID,
      };
    case 'users.info':
      return usersInfo(ws, str(args.user));
    case 'views.open':
      return { ok: true, view: { id: `V${ws.nextTs().replace('.', '')}`, ...(args.view as object) } };
    case 'chat.postMessage':
      return postMessage(ws, args);
    case 'chat.postEphemeral':
      return { ok: true, message_ts: ws.nextTs() };
    case 'chat.update':
      return update(ws, args);
    case 'chat.delete':
      return remove(ws, args);
    case 'conversations.history':
      return history(ws, args);
    case 'apps.connections.open':
      return { ok: true, url: `${env.baseUrl.replace(/^http/, 'ws')}/socket` };
    default:
      return { ok: true };
  }
}

function usersInfo(ws: FakeWorkspace, id: string): Answer {
  const user = ws.users.get(id);
  if (!user) return { ok: false, error: 'user_not_found' };
  const profile = {
    real_name: user.realName ?? user.name,
    display_name: user.displayName ?? '',
    ...(user.email ? { email: user.email } : {}),
  };
  return {
    ok: true,
    user: { id, team_id: FAKE_TEAM, name: user.name, real_name: profile.real_name, profile },
  };
}

function postMessage(ws: FakeWorkspace, args: Args): Answer {
  const channel = str(args.channel);
  const message: FakeMessage = { ts: ws.nextTs(), text: args.text, blocks: args.blocks, bot_id: FAKE_BOT_ID };
  if (args.metadata !== undefined) message.metadata = args.metadata;
  ws.messages(channel).push(message);
  return { ok: true, channel, ts: message.ts, message: { ...message, type: 'message' } };
}

function update(ws: FakeWorkspace, args: Args): Answer {
  const channel = str(args.channel);
  const message = ws.messages(channel).find((m) => m.ts === str(args.ts));
  if (!message) return { ok: false, error: 'message_not_found' };
  message.text = args.text;
  message.blocks = args.blocks;
  return { ok: true, channel, ts: message.ts, text: args.text };
}

function remove(ws: FakeWorkspace, args: Args): Answer {
  const channel = str(args.channel);
  const list = ws.messages(channel);
  const index = list.findIndex((m) => m.ts === str(args.ts));
  if (index === -1) return { ok: false, error: 'message_not_found' };
  list.splice(index, 1);
  return { ok: true, channel, ts: str(args.ts) };
}

/** Newest first, like Slack; metadata only when asked for with `include_all_metadata`. */
function history(ws: FakeWorkspace, args: Args): Answer {
  const withMetadata = args.include_all_metadata === 'true' || args.include_all_metadata === true;
  const limit = Number(args.limit ?? 100);
  const messages = [...ws.messages(str(args.channel))]
    .reverse()
    .slice(0, limit)
    .map(({ metadata, ...rest }) => ({
      type: 'message',
      ...rest,
      ...(withMetadata && metadata ? { metadata } : {}),
    }));
  return { ok: true, messages, has_more: false };
}
