import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ShellBot, startShellBot } from '../../helpers/shell-bot.js';

const SYBIL = '/coop login sybil@fawltytowers.com fawlty';

describe('feed commands in the terminal', () => {
  let bot: ShellBot;
  beforeEach(async () => {
    bot = await startShellBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('subscribe, feeds, unsubscribe', async () => {
    const out = await bot.script(
      SYBIL,
      '/coop subscribe',
      '/coop subscribe',
      '/coop subscribe cobot time',
      '/coop subscribe user:@basil notes',
      '/coop feeds',
      '/coop unsubscribe',
      '/coop unsubscribe 2',
      '/coop unsubscribe 99',
      '/coop feeds',
      '/coop unsubscribe all',
      '/coop feeds',
    );
    expect(out).toContain(
      'This channel will now receive every status from Fawlty Towers as they are posted (feed #1), polled with sybil@fawltytowers.com',
    );
    expect(out).toContain('This channel already receives every status from Fawlty Towers (feed #1).');
    expect(out).toContain('(feed #2)');
    expect(out).toContain(
      'receive Cobot notices or time entries from Fawlty Towers as they are posted (feed #2)',
    );
    expect(out).toContain(
      'receive notes by basil@fawltytowers.com from Fawlty Towers as they are posted (feed #3)',
    );
    expect(out).toMatch(
      /#1 Fawlty Towers: every status — owner sybil@fawltytowers.com · active · nothing delivered yet/,
    );
    expect(out).toContain('This channel has 3 feeds: say which');
    expect(out).toContain('Stopped feed #2 in this channel.');
    expect(out).toContain('This channel has no feed #99.');
    expect(out).toContain('Stopped feeds #1, #3 in this channel.');
    expect(out).toContain('This channel has no feeds. Try `subscribe`.');
  });

  it('feeds shows when a feed last delivered, to the minute', async () => {
    await bot.script(SYBIL, '/coop subscribe');
    const [sub] = await bot.store.listActiveSubscriptions();
    await bot.store.updateSubscription(sub!.id, { lastDeliveryAt: Date.UTC(2026, 11, 4, 17, 30, 10, 474) });
    const out = await bot.script(SYBIL, '/coop feeds');
    expect(out).toContain('active · last delivery 2026-12-04 17:30 UTC');
  });

  it('only a linked member of the group may subscribe', async () => {
    const out = await bot.script(
      '/coop subscribe',
      SYBIL,
      '/coop subscribe 2',
      '/coop subscribe "Gourmet Night"',
    );
    expect(out).toContain('You have not linked your Co-op login yet.');
    expect(out.match(/Not found, or not visible to you: only a member/g)).toHaveLength(2);
    expect(await bot.store.listActiveSubscriptions()).toEqual([]);
  });

  it('subscribing again resumes a paused feed with the new owner; login resumes the owner’s feeds', async () => {
    await bot.script(SYBIL, '/coop subscribe');
    const [sub] = await bot.store.listActiveSubscriptions();
    await bot.store.pauseSubscription(sub!.id, 'owner_login_failed');
    const out = await bot.script('/as polly', '/coop login polly@fawltytowers.com fawlty', '/coop subscribe');
    expect(out).toContain(
      'Feed #1 (every status from Fawlty Towers) is running again, polled with polly@fawltytowers.com',
    );
    const resumed = await bot.store.getSubscription(sub!.id);
    expect(resumed?.state).toBe('active');
    await bot.store.pauseSubscription(sub!.id, 'owner_login_failed');
    const again = await bot.script('/as polly', '/coop login polly@fawltytowers.com fawlty');
    expect(again).toContain('1 paused feed(s) of yours are running again.');
    expect((await bot.store.getSubscription(sub!.id))?.state).toBe('active');
  });
});
