import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { openCoopDb } from '../../src/coop-server/coop-db.js';
import { hashPassword } from '../../src/coop-server/password-hash.js';
import type { Subscription } from '../../src/store/store.js';
import { type Harness, INTERVAL, STATUSES_PATH, startHarness } from './relay-harness.js';

let h: Harness;
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const BASIL = 'basil@fawltytowers.com';

type Fault = 'none' | '500' | 'malformed';

/** Fastify hooks that make the group status lists fail on demand. */
function faults(current: () => Fault) {
  return (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      if (current() === '500' && STATUSES_PATH.test(`${request.method} ${request.url}`)) {
        return reply.code(500).type('text/plain').send('Internal Server Error');
      }
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const list = STATUSES_PATH.test(`${request.method} ${request.url}`);
      return current() === 'malformed' && list && reply.statusCode === 200
        ? '[{"id": 12, "type": "No'
        : payload;
    });
  };
}

async function stateOf(sub: Subscription): Promise<Subscription | undefined> {
  return h.store.getSubscription(sub.id);
}

/** Moves the clock to the end of the key's backoff. */
async function waitOutBackoff(ownerAccountId: number): Promise<void> {
  const state = await h.store.getPollState({ groupId: 1, ownerAccountId });
  h.clock.set(Math.max(h.clock.now(), state?.nextPollAt ?? 0, state?.backoffUntil ?? 0));
}

describe('when polling fails', () => {
  it('rides out Co-op stopped, then answering 500, then malformed bodies: all arrives once, backoff logged', async () => {
    dir = await mkdtemp(join(tmpdir(), 'relay-outage-'));
    let fault: Fault = 'none';
    h = await startHarness({ coopDbPath: join(dir, 'coop.db'), configure: faults(() => fault) });
    const basil = await h.link('basil');
    const sub = await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const expected: string[] = [];
    const post = async (text: string) => {
      expected.push(`Note:${await h.as(BASIL).postStatus(1, text)}`);
      h.clock.advance(1000);
    };
    await post('before the outage');
    await h.stopCoop();
    await h.cycle(relay);
    // Co-op is down for the bot, not for its users: they keep posting (straight into its database).
    const db = openCoopDb(join(dir, 'coop.db'));
    const basilId = db.users.byEmail(BASIL)?.id ?? 0;
    for (const text of ['while down 1', 'while down 2']) {
      expected.push(
        `Note:${db.notes.insert({ groupId: 1, userId: basilId, text, createdAt: h.clock.now() }).id}`,
      );
      h.clock.advance(1000);
    }
    db.close();
    await waitOutBackoff(basil.id);
    await h.cycle(relay);
    fault = '500';
    await h.restartCoop();
    await post('while answering 500');
    await waitOutBackoff(basil.id);
    await h.cycle(relay);
    fault = 'malformed';
    await post('while answering garbage');
    await waitOutBackoff(basil.id);
    await h.cycle(relay);
    expect(h.sinks.get('shell')?.sends).toHaveLength(0);
    fault = 'none';
    await waitOutBackoff(basil.id);
    await h.cycle(relay);
    await h.cycle(relay);
    expect(h.sinks.get('shell')?.keysIn(h.channel('c1'))).toEqual(expected);
    const failures = h.log.withMessage('poll failed; backing off');
    expect(failures.map((line) => line.code)).toEqual(['network', 'network', 'server_error', 'bad_response']);
    expect(failures.map((line) => line.failureCount)).toEqual([1, 2, 3, 4]);
    const waits = failures.map((line) => Number(line.backoffMs));
    // Equal jitter with random() = 0.5: three quarters of interval · 2^(n-1).
    expect(waits).toEqual([1, 2, 4, 8].map((n) => 0.75 * INTERVAL * n));
    expect(await stateOf(sub)).toMatchObject({ state: 'active', consecutiveFailures: 0 });
  });

  it('pauses on 401 (owner’s password changed), tells each channel once, resumes after login', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const subs = [await h.subscribe('c1', basil), await h.subscribe('c1', basil, { filter: 'notes' })];
    subs.push(await h.subscribe('c2', basil));
    const relay = h.relay();
    await h.cycle(relay);
    h.coop.db.sqlite
      .prepare('UPDATE users SET password_hash = ? WHERE email = ?')
      .run(await hashPassword('new-secret'), BASIL);
    await h.cycle(relay);
    await h.cycle(relay);
    for (const sub of subs)
      expect(await stateOf(sub)).toMatchObject({ state: 'paused', stateReason: 'owner_login_failed' });
    const sink = h.sinks.get('shell');
    expect(sink?.noticesIn(h.channel('c1'))).toHaveLength(1);
    expect(sink?.noticesIn(h.channel('c2'))).toEqual([
      'The Co-op feed of Fawlty Towers is paused: the Co-op login of basil@fawltytowers.com no longer works. They must run `login` again to resume it.',
    ]);
    expect(h.requests.count(STATUSES_PATH)).toBe(2);
    // Posted while paused, then the owner logs in again (the core relinks and resumes the feeds).
    const missed = await h.as(BASIL, 'new-secret').postStatus(1, 'posted while paused');
    await h.store.linkAccount({ ...basil, password: 'new-secret' });
    for (const sub of subs) await h.store.resumeSubscription(sub.id);
    await h.cycle(relay);
    expect(sink?.keysIn(h.channel('c2'))).toEqual([`Note:${missed}`]);
    expect(sink?.noticesIn(h.channel('c2'))).toHaveLength(1);
  });

  it('does not pause when the owner logged in again with the new password before the poll noticed', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const sub = await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    h.coop.db.sqlite
      .prepare('UPDATE users SET password_hash = ? WHERE email = ?')
      .run(await hashPassword('new-secret'), BASIL);
    await h.store.linkAccount({ ...basil, password: 'new-secret' });
    const note = await h.as(BASIL, 'new-secret').postStatus(1, 'after the new login');
    await h.cycle(relay);
    await h.cycle(relay);
    expect(await stateOf(sub)).toMatchObject({ state: 'active' });
    expect(h.sinks.get('shell')?.noticesIn(h.channel('c1'))).toEqual([]);
    expect(h.sinks.get('shell')?.keysIn(h.channel('c1'))).toEqual([`Note:${note}`]);
  });

  it('pauses on 404 (owner no longer a member) and tells the channel once', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    const sub = await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    h.coop.db.sqlite
      .prepare(
        'DELETE FROM memberships WHERE group_id = 1 AND user_id = (SELECT id FROM users WHERE email = ?)',
      )
      .run(BASIL);
    await h.cycle(relay);
    await h.cycle(relay);
    expect(await stateOf(sub)).toMatchObject({ state: 'paused', stateReason: 'group_not_visible' });
    expect(h.sinks.get('shell')?.noticesIn(h.channel('c1'))).toHaveLength(1);
    expect(h.requests.count(STATUSES_PATH)).toBe(2);
  });

  it('pauses after maxFailures failures in a row, with the last error as the reason', async () => {
    let fault: Fault = 'none';
    h = await startHarness({ configure: faults(() => fault) });
    const basil = await h.link('basil');
    const sub = await h.subscribe('c1', basil);
    const relay = h.relay({ maxFailures: 3 });
    await h.cycle(relay);
    fault = '500';
    for (let i = 0; i < 5; i++) {
      await waitOutBackoff(basil.id);
      await h.cycle(relay);
    }
    expect(h.requests.count(STATUSES_PATH)).toBe(4);
    expect(await stateOf(sub)).toMatchObject({ state: 'paused', stateReason: 'poll_failed:server_error' });
    expect(h.sinks.get('shell')?.noticesIn(h.channel('c1'))).toEqual([
      'The Co-op feed of Fawlty Towers is paused after 3 failed polls in a row (last error: server_error). It resumes when its owner logs in again or someone subscribes again.',
    ]);
    // Resumed (the core does this on login or subscribe): the key starts afresh.
    fault = 'none';
    await h.store.resumeSubscription(sub.id);
    await h.cycle(relay);
    expect(h.requests.count(STATUSES_PATH)).toBe(5);
    expect(await h.store.getPollState({ groupId: 1, ownerAccountId: basil.id })).toMatchObject({
      failureCount: 0,
      backoffUntil: null,
    });
  });
});
