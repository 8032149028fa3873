import type { CoopClient } from '../coop/client/coop-client.js';
import type { Group } from '../coop/types.js';
import { addDays, dayInZone, type Zone, zoneFromRails } from '../coop/zone.js';
import type { Account } from '../store/store.js';
import { type ChatContext, channelRef, chatUserRef } from './chat-context.js';
import type { CoreDeps } from './core-deps.js';
import { CoreError, notLinked } from './core-error.js';
import type { DateArg } from './grammar/index.js';

export interface GroupInScope {
  group: Group;
  zone: Zone;
}

/** One command's view of the world: the caller, their Co-op login, their groups. Memoizes per command. */
export class Session {
  private accountPromise: Promise<Account | undefined> | undefined;
  private groupsPromise: Promise<Group[]> | undefined;

  constructor(
    readonly ctx: ChatContext,
    readonly deps: CoreDeps,
  ) {}

  now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  linkedAccount(): Promise<Account | undefined> {
    this.accountPromise ??= this.deps.store.getAccountByChatUser(chatUserRef(this.ctx));
    return this.accountPromise;
  }

  async account(): Promise<Account> {
    const account = await this.linkedAccount();
    if (!account) throw notLinked();
    return account;
  }

  async client(): Promise<CoopClient> {
    const account = await this.account();
    return this.deps.coop.withCredentials({ email: account.coopEmail, password: account.password });
  }

  async groups(): Promise<Group[]> {
    this.groupsPromise ??= this.client().then((c) => c.groups());
    return this.groupsPromise;
  }

  zoneOf(group: Group): Zone {
    const zone = zoneFromRails(group.timezone);
    if (!zone.known) {
      this.deps.logger.warn(
        { groupId: group.id, timezone: group.timezone },
        'unknown group time zone, using UTC',
      );
    }
    return zone;
  }

  /**
   * The group a command acts on: the channel's (`use`), else the caller's only group, else an
   * error listing the caller's groups and how to pick one.
   */
  async group(): Promise<GroupInScope> {
    const [settings, groups] = await Promise.all([
      this.deps.store.getChannel(channelRef(this.ctx)),
      this.groups(),
    ]);
    if (settings?.groupId != null) {
      const group = groups.find((g) => g.id === settings.groupId);
      if (!group) {
        throw new CoreError(
          'not_found',
          `This channel uses Co-op group #${settings.groupId}, which is not found or not visible to you.`,
        );
      }
      return { group, zone: this.zoneOf(group) };
    }
    if (groups.length === 1) {
      const group = groups[0] as Group;
      return { group, zone: this.zoneOf(group) };
    }
    if (groups.length === 0)
      throw new CoreError('no_group', 'Your Co-op login is not a member of any group.');
    const names = groups.map((g) => `#${g.id} ${g.name}`).join(', ');
    throw new CoreError('no_group', `This channel has no Co-op group yet. Your groups: ${names}.`, {
      usage: 'use <group id or name>',
      example: `use ${groups[0]?.id ?? 1}`,
    });
  }

  /** A date argument as the `YYYYMMDD` day it means in the group's zone. */
  day(date: DateArg, zone: Zone): string {
    if (date.kind === 'day') return date.ymd;
    const today = dayInZone(this.now().getTime(), zone);
    return date.kind === 'today' ? today : addDays(today, -1);
  }
}
