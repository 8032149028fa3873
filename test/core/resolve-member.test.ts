import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/coop/types.js';
import { resolveMember } from '../../src/core/resolve-member.js';
import type { Session } from '../../src/core/session.js';

const member = (id: number, firstName: string, lastName: string, email: string): Member => ({
  id,
  firstName,
  lastName,
  email,
  avatarThumbUrl: null,
  updatedAt: null,
  city: null,
});
const MEMBERS = [
  member(1, 'Basil', 'Fawlty', 'basil@fawltytowers.com'),
  member(2, 'Sybil', 'Fawlty', 'sybil@fawltytowers.com'),
  member(3, 'Manuel', '', 'manuel@fawltytowers.com'),
];

/** A session whose store knows no linked accounts: mentions fall back to what the chat says. */
const session = {
  ctx: {
    platform: 'discord',
    workspace: 'g1',
    channel: 'c1',
    user: { id: 'u0', displayName: 'x' },
    private: false,
  },
  deps: { store: { getAccountByChatUser: async () => undefined } },
} as unknown as Session; // only the two fields resolveMember reads

const mention = (displayName: string, email?: string) =>
  ({
    kind: 'mention',
    mention: { kind: 'user', platform: 'discord', userId: 'u9', displayName, ...(email ? { email } : {}) },
  }) as const;

describe('resolveMember', () => {
  it('matches an unlinked mention by chat email, first name, full name or email name', async () => {
    expect(
      (await resolveMember(mention('whoever', 'SYBIL@fawltytowers.com'), MEMBERS, 'G', session)).id,
    ).toBe(2);
    expect((await resolveMember(mention('Manuel'), MEMBERS, 'G', session)).id).toBe(3);
    expect((await resolveMember(mention('Sybil Fawlty'), MEMBERS, 'G', session)).id).toBe(2);
    expect((await resolveMember(mention('basil'), MEMBERS, 'G', session)).id).toBe(1);
  });
  it('refuses an ambiguous or unknown name and says to use the email', async () => {
    await expect(resolveMember(mention('Fawlty'), MEMBERS, 'G', session)).rejects.toThrow(
      /Use their Co-op email/,
    );
    await expect(resolveMember({ kind: 'email', email: 'polly@x' }, MEMBERS, 'G', session)).rejects.toThrow(
      'No member of G has that email.',
    );
  });
});
