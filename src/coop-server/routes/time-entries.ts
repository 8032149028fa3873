import type { RequestParams } from '../../coop/wire/codec.js';
import { dayInZone } from '../../coop/zone.js';
import { findCatalogEntry } from '../harvest-catalog.js';
import { badRequest, forbidden, notFound } from '../http-error.js';
import { integerParam, numberParam, recordParam, stringParam } from '../params.js';
import { isoDay, presentStatus } from '../present.js';
import type { DayEntryChanges } from '../repositories/day-entries-repository.js';
import type { UserRow } from '../repositories/users-repository.js';
import { type GroupAccess, pathId, requireMembership } from './access.js';
import type { CoopCall, CoopRouter, ServerContext } from './route-kit.js';

const MS_PER_HOUR = 3_600_000;

/** T1–T4 (§6): DayEntries, i.e. Harvest time entries shown as statuses. */
export function registerTimeEntryRoutes(router: CoopRouter, context: ServerContext): void {
  const member = async (call: CoopCall) => {
    const user = await context.auth.user(call.request);
    return { user, ...requireMembership(context, user, call.params.groupId) };
  };
  const ownEntry = (user: UserRow, access: GroupAccess, idText: string | undefined) => {
    const entry = context.db.dayEntries.byId(pathId(idText));
    if (!entry || entry.groupId !== access.group.id || entry.userId !== user.id) throw notFound();
    requireHarvestAccess(context, user, access);
    return entry;
  };

  router
    .get('/groups/:groupId/has_harvest_access', async (call) => {
      const { user, ...access } = await member(call);
      requireHarvestAccess(context, user, access);
      return {};
    })
    .post('/groups/:groupId/day_entries', async (call) => {
      const { user, ...access } = await member(call);
      requireHarvestAccess(context, user, access);
      const fields = entryFields(call.input);
      const projectId = requiredInteger(fields, 'project_id');
      const taskId = requiredInteger(fields, 'task_id');
      requireCatalogEntry(projectId, taskId);
      const hours = hoursOf(fields);
      const now = context.now();
      const entry = context.db.dayEntries.insert({
        groupId: access.group.id,
        userId: user.id,
        text: stringParam(fields, 'text')?.trim() ?? '',
        // Without hours Harvest starts a timer; so does this server.
        hours: hours ?? 0,
        timerStartedAt: hours === undefined ? now : null,
        projectId,
        taskId,
        spentAt: isoDay(dayInZone(now, access.zone)),
        createdAt: now,
      });
      return { status: 201, location: `/groups/${access.group.id}/day_entries/${entry.id}` };
    })
    .get('/groups/:groupId/day_entries/:entryId', async (call) => {
      const { zone, group } = await member(call);
      const entry = context.db.dayEntries.byId(pathId(call.params.entryId));
      if (!entry || entry.groupId !== group.id) throw notFound();
      return { body: call.codec.serializeStatus(presentStatus(entry, zone)) };
    })
    .put('/groups/:groupId/day_entries/:entryId', async (call) => {
      const { user, ...access } = await member(call);
      const entry = ownEntry(user, access, call.params.entryId);
      const changes = entryChanges(entryFields(call.input));
      requireCatalogEntry(changes.projectId ?? entry.projectId ?? -1, changes.taskId ?? entry.taskId ?? -1);
      context.db.dayEntries.update(entry.id, changes, context.now());
      return { location: `/groups/${access.group.id}/day_entries/${entry.id}` };
    })
    // A GET that changes state, as documented (§6 T4).
    .get('/groups/:groupId/day_entries/:entryId/toggle_timer', async (call) => {
      const { user, ...access } = await member(call);
      const entry = ownEntry(user, access, call.params.entryId);
      const now = context.now();
      const running = entry.timerStartedAt !== null;
      const hours = running
        ? roundHours((entry.hours ?? 0) + (now - (entry.timerStartedAt ?? now)) / MS_PER_HOUR)
        : (entry.hours ?? 0);
      context.db.dayEntries.setTimer(entry.id, { hours, timerStartedAt: running ? null : now }, now);
      const updated = context.db.dayEntries.byId(entry.id);
      if (!updated) throw notFound();
      return { body: call.codec.serializeStatus(presentStatus(updated, access.zone)) };
    });
}

/** T1's checks: saved Harvest credentials, and a Harvest link in this group (§6). */
function requireHarvestAccess(context: ServerContext, user: UserRow, access: GroupAccess): void {
  if (!context.db.harvestCredentials.forUser(user.id)) {
    throw forbidden('No Harvest credentials saved: add them with POST /users/:id/harvest_credential');
  }
  if (!access.membership.harvestLinked) throw forbidden('Your Harvest account is not linked to this group');
}

/** The body's `status` (as documented) or `day_entry` record, else the top-level params. */
function entryFields(input: RequestParams): RequestParams {
  return input.day_entry !== undefined ? recordParam(input, 'day_entry') : recordParam(input, 'status');
}

function requiredInteger(fields: RequestParams, name: string): number {
  const value = integerParam(fields, name);
  if (value === undefined) throw badRequest(`${name} is required and must be an integer`);
  return value;
}

function requireCatalogEntry(projectId: number, taskId: number): void {
  if (!findCatalogEntry(projectId, taskId)) {
    throw badRequest(
      `Unknown Harvest project ${projectId} or task ${taskId} (or the task is not in that project)`,
    );
  }
}

function hoursOf(fields: RequestParams): number | undefined {
  if (stringParam(fields, 'hours') === undefined) return undefined;
  const hours = numberParam(fields, 'hours');
  if (hours === undefined || hours < 0 || hours > 24) throw badRequest('hours must be a number from 0 to 24');
  return hours;
}

function entryChanges(fields: RequestParams): DayEntryChanges {
  const changes: DayEntryChanges = {};
  const text = stringParam(fields, 'text');
  if (text !== undefined) changes.text = text.trim();
  const hours = hoursOf(fields);
  if (hours !== undefined) changes.hours = hours;
  if (stringParam(fields, 'project_id') !== undefined)
    changes.projectId = requiredInteger(fields, 'project_id');
  if (stringParam(fields, 'task_id') !== undefined) changes.taskId = requiredInteger(fields, 'task_id');
  return changes;
}

function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}
