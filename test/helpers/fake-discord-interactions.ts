import {
  APP_ID,
  apiMember,
  apiUser,
  CHANNEL_ID,
  COMMAND_ID,
  type FakeUser,
  GUILD_ID,
  type Json,
  snowflake,
} from './fake-discord-world.js';

/** One option of a slash command as Discord sends it (types: 3 string, 4 integer, 5 boolean, 6 user). */
export interface SlashOption {
  type: 3 | 4 | 5 | 6;
  name: string;
  value: string | number | boolean;
  /** For user options: the user, put into `resolved`. */
  user?: FakeUser;
}

export const opt = {
  string: (name: string, value: string): SlashOption => ({ type: 3, name, value }),
  integer: (name: string, value: number): SlashOption => ({ type: 4, name, value }),
  boolean: (name: string, value: boolean): SlashOption => ({ type: 5, name, value }),
  user: (name: string, user: FakeUser): SlashOption => ({ type: 6, name, value: user.id, user }),
};

const PERMISSIONS = '2251799813685247';

/** The interaction token: a secret in real Discord; tests check it never reaches a log. */
export function interactionToken(id: string): string {
  return `fake-interaction-token-${id}`;
}

function base(user: FakeUser, type: number, data: Json): Json {
  const id = snowflake();
  return {
    id,
    application_id: APP_ID,
    type,
    token: interactionToken(id),
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
    member: { ...apiMember(user), permissions: PERMISSIONS },
    app_permissions: PERMISSIONS,
    locale: 'en-GB',
    guild_locale: 'en-GB',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    attachment_size_limit: 8_388_608,
    data,
  };
}

function resolved(options: readonly SlashOption[]): Json | undefined {
  const users = options.flatMap((o) => (o.user ? [o.user] : []));
  if (users.length === 0) return undefined;
  return {
    users: Object.fromEntries(users.map((u) => [u.id, apiUser(u)])),
    members: Object.fromEntries(
      users.map((u) => [u.id, { ...apiMember(u, false), permissions: PERMISSIONS }]),
    ),
  };
}

/**
 * INTERACTION_CREATE for `/coop <sub> …` (type 2, APPLICATION_COMMAND): `sub` is `timeline` or, in a
 * subcommand group, `agenda set`.
 */
export function slashCommand(user: FakeUser, sub: string, options: readonly SlashOption[] = []): Json {
  const [first, second] = sub.split(' ') as [string, string | undefined];
  const leaf = {
    type: 1,
    name: second ?? first,
    options: options.map(({ type, name, value }) => ({ type, name, value })),
  };
  const top = second ? { type: 2, name: first, options: [leaf] } : leaf;
  const data: Json = { id: COMMAND_ID, name: 'coop', type: 1, options: [top] };
  const res = resolved(options);
  if (res) data.resolved = res;
  return base(user, 2, data);
}

/** INTERACTION_CREATE for a submitted modal (type 5, MODAL_SUBMIT) with Label-wrapped text inputs. */
export function modalSubmit(user: FakeUser, customId: string, values: Record<string, string>): Json {
  const components = Object.entries(values).map(([field, value], i) => ({
    type: 18,
    id: i * 2 + 1,
    component: { type: 4, id: i * 2 + 2, custom_id: field, value },
  }));
  return base(user, 5, { custom_id: customId, components });
}
