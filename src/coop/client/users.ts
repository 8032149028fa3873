import type { HarvestCredential, HarvestCredentialInput, Member, User } from '../types.js';
import type { Caller } from './caller.js';
import { idSegment } from './paths.js';

/** Users and Harvest credential endpoints, coop-api.md §8 (U1, U2, H1–H3 and the inferred delete). */

/** U1: the members of a group. */
export async function members(c: Caller, groupId: number): Promise<Member[]> {
  return c.read(`/groups/${idSegment(groupId, 'group id')}/users`, (body) => c.codec.parseMembers(body));
}

/** U2: the caller's own record (others' ids answer 404). */
export async function user(c: Caller, userId: number): Promise<User> {
  return c.read(`/users/${idSegment(userId, 'user id')}`, (body) => c.codec.parseUser(body));
}

function credentialPath(userId: number): string {
  return `/users/${idSegment(userId, 'user id')}/harvest_credential`;
}

/** H1: the caller's saved Harvest login (never the password). */
export async function harvestCredential(c: Caller, userId: number): Promise<HarvestCredential> {
  return c.read(credentialPath(userId), (body) => c.codec.parseHarvestCredential(body));
}

/** H2: saves a Harvest login; 400 (bad_request) when Harvest refuses it or one exists already. */
export async function createHarvestCredential(
  c: Caller,
  userId: number,
  input: HarvestCredentialInput,
): Promise<void> {
  await c.write('POST', credentialPath(userId), {
    ...c.body(c.codec.encodeHarvestCredential(input)),
    secrets: [input.password],
  });
}

/** H3: replaces the saved Harvest login. */
export async function updateHarvestCredential(
  c: Caller,
  userId: number,
  input: HarvestCredentialInput,
): Promise<void> {
  await c.write('PUT', credentialPath(userId), {
    ...c.body(c.codec.encodeHarvestCredential(input)),
    secrets: [input.password],
  });
}

/** Removes the saved Harvest login (the docs were cut off here; the route is inferred, §8). */
export async function deleteHarvestCredential(c: Caller, userId: number): Promise<void> {
  await c.write('DELETE', credentialPath(userId));
}
