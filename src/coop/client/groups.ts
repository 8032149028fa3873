import type { Group, Status } from '../types.js';
import type { Caller, Conditional } from './caller.js';
import { dateSegment, idSegment } from './paths.js';

/** Groups endpoints, coop-api.md §5 (G1–G5). */

export interface ConditionalOptions {
  /** The ETag of the last answer; an unchanged list then comes back as `notModified`. */
  etag?: string | undefined;
}

/** Fields of `PUT /groups/:id`. The body was never documented (§5); these are the visible ones. */
export interface GroupUpdate {
  name?: string;
  timezone?: string;
}

/** G1: the groups the member belongs to. */
export async function groups(c: Caller): Promise<Group[]> {
  return c.read('/groups', (body) => c.codec.parseGroups(body));
}

async function statusList(c: Caller, path: string, opts: ConditionalOptions): Promise<Conditional<Status[]>> {
  return c.readConditional(path, (body) => c.codec.parseStatuses(body), opts.etag);
}

/** G2: the group's 50 latest statuses, newest first. */
export async function groupStatuses(c: Caller, groupId: number, opts: ConditionalOptions = {}) {
  return statusList(c, `/groups/${idSegment(groupId, 'group id')}/statuses`, opts);
}

/** G3: the same list on the deprecated route older clients used. */
export async function groupStatusesLegacy(c: Caller, groupId: number, opts: ConditionalOptions = {}) {
  return statusList(c, `/groups/${idSegment(groupId, 'group id')}`, opts);
}

/** G4: every status of one day (`YYYYMMDD`, in the group's zone), uncapped. */
export async function groupStatusesOn(
  c: Caller,
  groupId: number,
  date: string,
  opts: ConditionalOptions = {},
) {
  return statusList(c, `/groups/${idSegment(groupId, 'group id')}/${dateSegment(date)}`, opts);
}

/** G5: renames the group or changes its zone. */
export async function updateGroup(c: Caller, groupId: number, fields: GroupUpdate): Promise<void> {
  const body = c.codec.format === 'json' ? groupJson(fields) : groupXml(fields);
  await c.write('PUT', `/groups/${idSegment(groupId, 'group id')}`, c.body(body));
}

// The Codec contract has no group encoder (the body is undocumented), so the Rails
// convention of the other request bodies is followed here: a `group` root, underscored names.
// Only known keys are read, so no caller-supplied name can become an element name.
const GROUP_FIELDS = ['name', 'timezone'] as const;

function defined(fields: GroupUpdate): [string, string][] {
  return GROUP_FIELDS.flatMap((k) => {
    const value = fields[k];
    return typeof value === 'string' ? [[k, value] as [string, string]] : [];
  });
}

function groupJson(fields: GroupUpdate): string {
  return JSON.stringify({ group: Object.fromEntries(defined(fields)) });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function groupXml(fields: GroupUpdate): string {
  const children = defined(fields).map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`);
  return `<?xml version="1.0" encoding="UTF-8"?><group>${children.join('')}</group>`;
}
