import type { GroupAgenda, UserAgenda } from '../types.js';
import type { Caller } from './caller.js';
import { idSegment } from './paths.js';

/** Agenda endpoints, coop-api.md §7 (A1–A5). */

function base(groupId: number): string {
  return `/groups/${idSegment(groupId, 'group id')}`;
}

/** A1: the group's shared agenda. */
export async function groupAgenda(c: Caller, groupId: number): Promise<GroupAgenda> {
  return c.read(`${base(groupId)}/agenda`, (body) => c.codec.parseGroupAgenda(body));
}

/** A2: every member's own agenda. */
export async function userAgendas(c: Caller, groupId: number): Promise<UserAgenda[]> {
  return c.read(`${base(groupId)}/user_agendas`, (body) => c.codec.parseUserAgendas(body));
}

/** A3: the caller's own agenda in the group. */
export async function myAgenda(c: Caller, groupId: number): Promise<UserAgenda> {
  return c.read(`${base(groupId)}/my_agenda`, (body) => c.codec.parseMyAgenda(body));
}

/** A4: replaces the group agenda (raw Textile; the server renders the HTML). */
export async function updateGroupAgenda(c: Caller, groupId: number, text: string): Promise<void> {
  await c.write('PUT', `${base(groupId)}/agenda`, c.body(c.codec.encodeAgenda(text)));
}

/** A5: replaces the caller's own agenda. */
export async function updateMyAgenda(c: Caller, groupId: number, text: string): Promise<void> {
  await c.write('PUT', `${base(groupId)}/my_agenda`, c.body(c.codec.encodeAgenda(text)));
}
