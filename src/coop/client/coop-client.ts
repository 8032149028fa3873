import type { Logger } from '../../log/logger.js';
import type { DayEntry, DayEntryInput, Group, HarvestCredentialInput, Status, WireFormat } from '../types.js';
import { codecFor } from '../wire/codecs.js';
import * as agendas from './agendas.js';
import type { Credentials } from './basic-auth.js';
import { Caller, type Conditional } from './caller.js';
import * as groups from './groups.js';
import { HttpCall } from './http-call.js';
import type { UserRef } from './paths.js';
import * as statuses from './statuses.js';
import * as time from './time-entries.js';
import * as users from './users.js';

export interface CoopClientOptions {
  /** Where Co-op lives, e.g. `http://coopapp.com` or the embedded server's URL. */
  baseUrl: string;
  /** The wire format (the app reads COOP_FORMAT); results are the same types either way. */
  format?: WireFormat;
  /** The member to act as; calls made with a Cobot key never send them. */
  credentials?: Credentials | undefined;
  /** Per attempt; default 10 000 ms. */
  timeoutMs?: number;
  /** Extra attempts for GETs on network errors and 5xx; default 2. */
  retries?: number;
  /** First backoff delay; default 250 ms. */
  retryDelayMs?: number;
  logger?: Logger | undefined;
}

/**
 * A typed client for every Co-op endpoint of coop-api.md §4–§8 and §10. Each method is one
 * HTTP call. Failures reject with a CoopError; callers branch on its `code`.
 * One client owns one connection pool; `withCredentials` clients share it, and `close()` on any
 * of them closes it for all.
 */
export class CoopClient {
  private readonly c: Caller;

  /** From options; a Caller is how `withCredentials` shares the pool (Caller is not exported). */
  constructor(options: CoopClientOptions | Caller) {
    this.c =
      options instanceof Caller
        ? options
        : new Caller(new HttpCall(options), codecFor(options.format ?? 'json'), options.credentials);
  }

  get format(): WireFormat {
    return this.c.codec.format;
  }

  /** A client acting as another member (or as nobody), on the same pool. */
  withCredentials(credentials: Credentials | undefined): CoopClient {
    return new CoopClient(new Caller(this.c.http, this.c.codec, credentials));
  }

  close(): Promise<void> {
    return this.c.http.close();
  }

  // Statuses (§4, §10)
  /** S1/S2. `user` is a user id, or `'cobot'`/0 for Cobot; `date` selects one whole day. */
  userTimeline(groupId: number, user: UserRef, opts?: statuses.TimelineOptions): Promise<Status[]> {
    return statuses.userTimeline(this.c, groupId, user, opts);
  }
  /** S3: one of the caller's own Notes. */
  showStatus(statusId: number): Promise<Status> {
    return statuses.showStatus(this.c, statusId);
  }
  /** S4: resolves to the new Note's id. */
  postStatus(groupId: number, text: string): Promise<number> {
    return statuses.postStatus(this.c, groupId, text);
  }
  /** S5: posts as Cobot with the group key; sends no Authorization. */
  postCobotStatus(groupId: number, key: string, text: string): Promise<number> {
    return statuses.postCobotStatus(this.c, groupId, key, text);
  }
  /** §10: the GitHub hook's `/notes` form, key in a JSON body. */
  postCobotNote(groupId: number, key: string, text: string): Promise<number> {
    return statuses.postCobotNote(this.c, groupId, key, text);
  }
  /** S6 */
  deleteStatus(statusId: number): Promise<void> {
    return statuses.deleteStatus(this.c, statusId);
  }
  /** S7: deletes a Cobot status with the group key. */
  deleteCobotStatus(statusId: number, key: string): Promise<void> {
    return statuses.deleteCobotStatus(this.c, statusId, key);
  }

  // Groups (§5)
  /** G1 */
  groups(): Promise<Group[]> {
    return groups.groups(this.c);
  }
  /** G2: the 50 newest; pass the last ETag to get `notModified` instead of an unchanged list. */
  groupStatuses(groupId: number, opts?: groups.ConditionalOptions): Promise<Conditional<Status[]>> {
    return groups.groupStatuses(this.c, groupId, opts);
  }
  /** G3: the deprecated `/groups/:id` route. */
  groupStatusesLegacy(groupId: number, opts?: groups.ConditionalOptions): Promise<Conditional<Status[]>> {
    return groups.groupStatusesLegacy(this.c, groupId, opts);
  }
  /** G4: all statuses of one day, `YYYYMMDD` in the group's zone. */
  groupStatusesOn(
    groupId: number,
    date: string,
    opts?: groups.ConditionalOptions,
  ): Promise<Conditional<Status[]>> {
    return groups.groupStatusesOn(this.c, groupId, date, opts);
  }
  /** G5 */
  updateGroup(groupId: number, fields: groups.GroupUpdate): Promise<void> {
    return groups.updateGroup(this.c, groupId, fields);
  }

  // Time entries (§6)
  /** T1: `{ ok: false, message }` on Co-op's 403. */
  hasHarvestAccess(groupId: number): Promise<time.HarvestAccess> {
    return time.hasHarvestAccess(this.c, groupId);
  }
  /** T2: resolves to the new DayEntry's id. */
  createDayEntry(groupId: number, input: DayEntryInput): Promise<number> {
    return time.createDayEntry(this.c, groupId, input);
  }
  /** T3 */
  updateDayEntry(groupId: number, entryId: number, input: DayEntryInput): Promise<void> {
    return time.updateDayEntry(this.c, groupId, entryId, input);
  }
  /** T4: never retried, since it changes state. */
  toggleTimer(groupId: number, entryId: number): Promise<DayEntry> {
    return time.toggleTimer(this.c, groupId, entryId);
  }

  // Agendas (§7)
  groupAgenda(groupId: number) {
    return agendas.groupAgenda(this.c, groupId);
  }
  userAgendas(groupId: number) {
    return agendas.userAgendas(this.c, groupId);
  }
  myAgenda(groupId: number) {
    return agendas.myAgenda(this.c, groupId);
  }
  updateGroupAgenda(groupId: number, text: string): Promise<void> {
    return agendas.updateGroupAgenda(this.c, groupId, text);
  }
  updateMyAgenda(groupId: number, text: string): Promise<void> {
    return agendas.updateMyAgenda(this.c, groupId, text);
  }

  // Users and Harvest credentials (§8)
  members(groupId: number) {
    return users.members(this.c, groupId);
  }
  /** U2: only the caller's own record; others are not_found. */
  user(userId: number) {
    return users.user(this.c, userId);
  }
  harvestCredential(userId: number) {
    return users.harvestCredential(this.c, userId);
  }
  createHarvestCredential(userId: number, input: HarvestCredentialInput): Promise<void> {
    return users.createHarvestCredential(this.c, userId, input);
  }
  updateHarvestCredential(userId: number, input: HarvestCredentialInput): Promise<void> {
    return users.updateHarvestCredential(this.c, userId, input);
  }
  deleteHarvestCredential(userId: number): Promise<void> {
    return users.deleteHarvestCredential(this.c, userId);
  }
}
