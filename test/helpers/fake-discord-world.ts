/**
 * The fake Discord's world: one application (the bot), one guild with #general and the Fawlty Towers
 * staff as members, and builders for the gateway dispatches and REST answers discord.js expects.
 * Shapes follow https://discord.com/developers/docs (API v10), trimmed to what discord.js reads.
 */
export type Json = Record<string, unknown>;

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot?: boolean;
  nick?: string;
}

export const APP_ID = '1100000000000000001';
export const GUILD_ID = '1200000000000000001';
export const CHANNEL_ID = '1300000000000000001';
export const COMMAND_ID = '1600000000000000001';
/** Every permission, as a member of the guild's only role (@everyone) has in the fake. */
const ALL_PERMISSIONS = '2251799813685247';

export const BOT: FakeUser = { id: APP_ID, username: 'coop-bridge', globalName: null, bot: true };
export const BASIL: FakeUser = { id: '1400000000000000001', username: 'basil', globalName: 'Basil Fawlty' };
export const SYBIL: FakeUser = { id: '1400000000000000002', username: 'sybil', globalName: 'Sybil Fawlty' };
export const POLLY: FakeUser = { id: '1400000000000000003', username: 'polly', globalName: null };
export const MANUEL: FakeUser = { id: '1400000000000000004', username: 'manuel', globalName: 'Manuel' };
export const MEMBERS: readonly FakeUser[] = [BASIL, SYBIL, POLLY, MANUEL];

let counter = 0n;
/** A fresh snowflake (numeric string), increasing. */
export function snowflake(): string {
  counter += 1n;
  return (1_500_000_000_000_000_000n + counter).toString();
}

const JOINED = '2024-01-01T00:00:00.000Z';

export function apiUser(user: FakeUser): Json {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function apiMember(user: FakeUser, withUser = true): Json {
  return {
    ...(withUser ? { user: apiUser(user) } : {}),
    nick: user.nick ?? null,
    roles: [],
    joined_at: JOINED,
    deaf: false,
    mute: false,
    flags: 0,
  };
}

export function readyPayload(gatewayUrl: string): Json {
  return {
    v: 10,
    user: apiUser(BOT),
    guilds: [{ id: GUILD_ID, unavailable: true }],
    session_id: 'fake-session-1',
    resume_gateway_url: gatewayUrl,
    shard: [0, 1],
    application: { id: APP_ID, flags: 0 },
  };
}

export function guildCreatePayload(): Json {
  return {
    id: GUILD_ID,
    name: 'Fawlty Towers',
    icon: null,
    owner_id: BASIL.id,
    unavailable: false,
    member_count: MEMBERS.length + 1,
    large: false,
    joined_at: JOINED,
    roles: [{ id: GUILD_ID, name: '@everyone', permissions: ALL_PERMISSIONS, position: 0, color: 0 }],
    channels: [{ id: CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [] }],
    members: [...MEMBERS, BOT].map((u) => apiMember(u)),
    emojis: [],
    stickers: [],
    features: [],
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A message object as REST answers and MESSAGE_CREATE carry it. */
export function messageObject(fields: {
  id: string;
  channelId: string;
  author: FakeUser;
  content?: string;
  embeds?: unknown;
  nonce?: unknown;
  guildId?: string | null;
  mentions?: readonly FakeUser[];
  webhookId?: string;
}): Json {
  return {
    id: fields.id,
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId } : {}),
    author: apiUser(fields.author),
    content: fields.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: (fields.mentions ?? []).map((u) => ({ ...apiUser(u), member: apiMember(u, false) })),
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(fields.embeds) ? fields.embeds : [],
    pinned: false,
    type: 0,
    flags: 0,
    components: [],
    ...(fields.nonce !== undefined ? { nonce: fields.nonce } : {}),
    ...(fields.webhookId ? { webhook_id: fields.webhookId } : {}),
  };
}

/** MESSAGE_CREATE for a user typing in #general (or in a DM with `dmChannelId`). */
export function messageCreate(
  author: FakeUser,
  content: string,
  options: { mentions?: readonly FakeUser[]; dmChannelId?: string } = {},
): Json {
  const inGuild = options.dmChannelId === undefined;
  return {
    ...messageObject({
      id: snowflake(),
      channelId: options.dmChannelId ?? CHANNEL_ID,
      guildId: inGuild ? GUILD_ID : null,
      author,
      content,
      mentions: options.mentions ?? [],
    }),
    // Discord says which kind of channel; discord.js needs it to build a DM channel it has not cached.
    channel_type: inGuild ? 0 : 1,
    ...(inGuild ? { member: apiMember(author, false) } : {}),
  };
}
