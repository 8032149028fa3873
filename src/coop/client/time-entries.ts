import { CoopError } from '../coop-error.js';
import type { DayEntry, DayEntryInput } from '../types.js';
import type { Caller } from './caller.js';
import { badResponse, messageFromBody, scrub } from './http-errors.js';
import { idSegment } from './paths.js';

/** Time entry (DayEntry) endpoints, coop-api.md §6 (T1–T4). */

/** T1's answer: a 403 is an expected "no", with Co-op's reason to show the member. */
export type HarvestAccess = { ok: true } | { ok: false; message: string };

/** T1: whether the member can log Harvest time in this group. */
export async function hasHarvestAccess(c: Caller, groupId: number): Promise<HarvestAccess> {
  const path = `/groups/${idSegment(groupId, 'group id')}/has_harvest_access`;
  const res = await c.write('GET', path, { expectStatuses: [403] });
  if (res.status !== 403) return { ok: true };
  const message = scrub(messageFromBody(res.body), res.site.secrets);
  return { ok: false, message: message === '' ? 'No Harvest access in this group' : message };
}

function validInput(input: DayEntryInput): DayEntryInput {
  idSegment(input.projectId, 'project id');
  idSegment(input.taskId, 'task id');
  if (!Number.isFinite(input.hours) || input.hours < 0) {
    throw new CoopError('bad_request', `Invalid hours: ${String(input.hours)}`);
  }
  return input;
}

/** T2: logs time through the member's linked Harvest account; resolves to the entry's id. */
export async function createDayEntry(c: Caller, groupId: number, input: DayEntryInput): Promise<number> {
  const path = `/groups/${idSegment(groupId, 'group id')}/day_entries`;
  return c.create(path, 'day_entries', c.body(c.codec.encodeDayEntry(validInput(input))));
}

/** T3: changes an entry's text, hours, project or task. */
export async function updateDayEntry(
  c: Caller,
  groupId: number,
  entryId: number,
  input: DayEntryInput,
): Promise<void> {
  const path = `/groups/${idSegment(groupId, 'group id')}/day_entries/${idSegment(entryId, 'entry id')}`;
  await c.write('PUT', path, c.body(c.codec.encodeDayEntry(validInput(input))));
}

/**
 * T4: starts the entry's timer if stopped, stops it if running; resolves to the entry as it now is.
 * Co-op does this with a GET (§6), so it is sent as non-idempotent: never retried.
 */
export async function toggleTimer(c: Caller, groupId: number, entryId: number): Promise<DayEntry> {
  const path = `/groups/${idSegment(groupId, 'group id')}/day_entries/${idSegment(entryId, 'entry id')}/toggle_timer`;
  const res = await c.write('GET', path, { idempotent: false });
  const status = c.parse(res, (body) => c.codec.parseStatus(body));
  if (status.type !== 'DayEntry') {
    throw badResponse(`Expected a DayEntry, got a ${status.type}`, res.status, res.body, res.site);
  }
  return status;
}
