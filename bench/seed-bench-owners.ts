import { randomBytes, scryptSync } from 'node:crypto';
import type { CoopDb } from '../src/coop-server/coop-db.js';

/** A Co-op member who owns the feeds of a few groups. */
export interface BenchOwner {
  email: string;
  userId: number;
  groupIds: number[];
}

/** A scrypt hash in the server's format at a low cost: the benches measure polling, not logins. */
function cheapHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Groups and their owners straight through the server's repositories (much faster than HTTP). */
export function seedBenchOwners(
  db: CoopDb,
  options: { groups: number; groupsPerOwner: number; domain: string; password: string },
): BenchOwner[] {
  const now = Date.now();
  const hash = cheapHash(options.password);
  const owners: BenchOwner[] = [];
  db.transaction(() => {
    for (let o = 0; o < options.groups / options.groupsPerOwner; o++) {
      const email = `owner${o}@${options.domain}`;
      const user = db.users.insert({ email, firstName: 'Owner', lastName: `${o}`, passwordHash: hash, now });
      const groupIds: number[] = [];
      for (let g = 0; g < options.groupsPerOwner; g++) {
        const group = db.groups.insert({
          name: `Bench ${o}.${g}`,
          timezone: 'London',
          feedKey: `key-${o}-${g}`,
          now,
        });
        db.memberships.add({ userId: user.id, groupId: group.id, now });
        groupIds.push(group.id);
      }
      owners.push({ email, userId: user.id, groupIds });
    }
  });
  return owners;
}
