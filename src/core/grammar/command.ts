/**
 * What the grammar produces: a typed `Command` (a union discriminated on `name`) or a `UsageError`.
 * Platform-neutral: mentions arrive already resolved to `MentionRef`s, dates stay symbolic until the
 * core knows the group's time zone.
 */

/** A person mentioned in chat, as the adapter resolved them. */
export interface MentionRef {
  readonly kind: 'user';
  readonly platform: string;
  readonly userId: string;
  readonly displayName?: string;
  readonly email?: string;
}

/**
 * The adapter's input. `text` is what follows the platform prefix (`/coop `, `!`); `mentions` maps each
 * mention exactly as it appears in `text` (`<@U123|ada>`, `<@123456>`, `@sybil`) to the person it names.
 */
export interface ParseInput {
  readonly text: string;
  readonly mentions?: ReadonlyMap<string, MentionRef>;
}

/** A day as typed. `today`/`yesterday` stay symbolic: only the core knows the group's zone. */
export type DateArg =
  | { readonly kind: 'today' }
  | { readonly kind: 'yesterday' }
  | { readonly kind: 'day'; readonly ymd: string };

/** A person: the caller, an email address, or a chat mention. */
export type UserRef =
  | { readonly kind: 'me' }
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'mention'; readonly mention: MentionRef };

/** Whose timeline: a person or Cobot (Co-op's robot user, user id `cobot`). */
export type TimelineTarget = UserRef | { readonly kind: 'cobot' };

/** A group by Co-op id (all digits) or by name. */
export type GroupRef =
  | { readonly kind: 'id'; readonly id: number }
  | { readonly kind: 'name'; readonly name: string };

/** One feed filter. The grammar only lists them; the relay decides how several combine. */
export type FeedFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'notes' }
  | { readonly kind: 'time' }
  | { readonly kind: 'cobot' }
  | { readonly kind: 'user'; readonly user: UserRef };

/** `default`: no argument given — the channel's only subscription (the core asks when there are several). */
export type UnsubscribeTarget =
  | { readonly kind: 'default' }
  | { readonly kind: 'all' }
  | { readonly kind: 'id'; readonly id: number };

/** `group`: the group agenda (A1/A4); `mine`: the caller's (A3/A5); `everyone`: every member's (A2). */
export type AgendaScope = 'group' | 'mine' | 'everyone';

export type Command =
  | { readonly name: 'help'; readonly topic?: CommandName }
  | { readonly name: 'login'; readonly inlinePassword: false; readonly email?: string }
  // Only the terminal may accept this variant: the core checks ChatContext.private. Never log `password`.
  | {
      readonly name: 'login';
      readonly inlinePassword: true;
      readonly email: string;
      readonly password: string;
    }
  | { readonly name: 'logout' }
  | { readonly name: 'whoami' }
  | { readonly name: 'groups' }
  | { readonly name: 'use'; readonly group: GroupRef }
  | { readonly name: 'members' }
  | { readonly name: 'post'; readonly text: string }
  | { readonly name: 'cobot'; readonly text: string }
  | { readonly name: 'delete'; readonly id: number }
  | { readonly name: 'show'; readonly id: number }
  // No date: the 50 most recent statuses (S1); a date: every status of that day (S2).
  | { readonly name: 'timeline'; readonly target: TimelineTarget; readonly date?: DateArg }
  | { readonly name: 'today'; readonly date: DateArg }
  | { readonly name: 'agenda'; readonly action: 'show'; readonly scope: AgendaScope }
  | {
      readonly name: 'agenda';
      readonly action: 'set';
      readonly scope: 'group' | 'mine';
      readonly text: string;
    }
  | {
      readonly name: 'time';
      readonly hours: number;
      readonly projectId: number;
      readonly taskId: number;
      readonly text: string;
    }
  | { readonly name: 'timer'; readonly entryId: number }
  | { readonly name: 'subscribe'; readonly group?: GroupRef; readonly filters: readonly FeedFilter[] }
  | { readonly name: 'unsubscribe'; readonly target: UnsubscribeTarget }
  | { readonly name: 'feeds' };

export type CommandName = Command['name'];

/** A command that could not be parsed, with what the user needs to fix it. Never thrown. */
export interface UsageError {
  readonly kind: 'usage';
  /** The command it was about, when the command word itself was understood. */
  readonly command?: CommandName;
  readonly message: string;
  readonly usage: string;
  readonly example: string;
}

export type ParseResult = Command | UsageError;

export function isUsageError(result: ParseResult): result is UsageError {
  return 'kind' in result && result.kind === 'usage';
}
