import { afterEach, describe, expect, it } from 'vitest';
import { HARVEST, type Harness, startHarness } from './relay-harness.js';

let h: Harness;
afterEach(() => h?.close());

const BASIL = 'basil@fawltytowers.com';

describe('changes in Co-op after delivery', () => {
  it('edits the delivered message exactly once when a DayEntry’s hours change', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    await h.subscribe('c2', basil, { filter: 'notes' });
    const relay = h.relay();
    await h.cycle(relay);
    const entry = { text: 'Fixing the banister', hours: 1, ...HARVEST };
    const id = await h.as(BASIL).createDayEntry(1, entry);
    await h.cycle(relay);
    await h.as(BASIL).updateDayEntry(1, id, { ...entry, hours: 2.5 });
    await h.cycle(relay);
    await h.cycle(relay);
    const sink = h.sinks.get('shell');
    expect(sink?.sends).toHaveLength(1);
    expect(sink?.edits).toHaveLength(1);
    expect(sink?.edits[0]?.messageId).toBe(sink?.sends[0]?.messageId);
    expect(sink?.edits[0]?.post.statuses[0]?.time?.hours).toBe(2.5);
    expect(sink?.keysIn(h.channel('c2'))).toEqual([]);
  });

  it('edits when a timer starts', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const id = await h.as(BASIL).createDayEntry(1, { text: 'Timer', hours: 0, ...HARVEST });
    await h.cycle(relay);
    await h.as(BASIL).toggleTimer(1, id);
    await h.cycle(relay);
    expect(h.sinks.get('shell')?.edits.map((e) => e.post.statuses[0]?.time?.timerRunning)).toEqual([true]);
  });

  it('removes the message of a deleted Note exactly once', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const id = await h.as(BASIL).postStatus(1, 'Oops, wrong group');
    await h.cycle(relay);
    await h.as(BASIL).deleteStatus(id);
    await h.cycle(relay);
    await h.cycle(relay);
    const sink = h.sinks.get('shell');
    expect(sink?.removals).toEqual([{ channel: h.channel('c1'), messageId: sink?.sends[0]?.messageId }]);
    expect(sink?.visibleKeysIn(h.channel('c1'))).toEqual([]);
  });

  it('removes nothing with removeDeleted: false', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay({ removeDeleted: false });
    await h.cycle(relay);
    const id = await h.as(BASIL).postStatus(1, 'Stays');
    await h.cycle(relay);
    await h.as(BASIL).deleteStatus(id);
    await h.cycle(relay);
    expect(h.sinks.get('shell')?.removals).toHaveLength(0);
  });

  it('keeps a packed message whole when one of its Notes is deleted', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('d1', basil, { platform: 'discord' });
    const relay = h.relay();
    await h.cycle(relay);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await h.as(BASIL).postStatus(1, `packed ${i}`));
    await h.cycle(relay);
    const sink = h.sinks.get('discord');
    expect(sink?.sends).toHaveLength(1);
    await h.as(BASIL).deleteStatus(ids[1] as number);
    await h.cycle(relay);
    expect(sink?.removals).toHaveLength(0);
    expect(sink?.visibleKeysIn(h.channel('d1', 'discord'))).toEqual(ids.map((id) => `Note:${id}`));
  });

  it('sends no edit or removal to a feed that never showed the status', async () => {
    h = await startHarness();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay();
    await h.cycle(relay);
    const entry = { text: 'Before c2', hours: 1, ...HARVEST };
    const id = await h.as(BASIL).createDayEntry(1, entry);
    const note = await h.as(BASIL).postStatus(1, 'Before c2 too');
    await h.cycle(relay);
    await h.subscribe('c2', basil);
    await h.as(BASIL).updateDayEntry(1, id, { ...entry, hours: 3 });
    await h.as(BASIL).deleteStatus(note);
    await h.cycle(relay);
    const sink = h.sinks.get('shell');
    expect(sink?.edits.map((e) => e.channel.channelId)).toEqual(['c1']);
    expect(sink?.removals.map((r) => r.channel.channelId)).toEqual(['c1']);
  });
});
