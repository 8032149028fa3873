import { describe, expect, it } from 'vitest';
import { takeBatch } from '../../src/relay/take-batch.js';
import type { OutboxRow } from '../../src/store/store.js';

function row(id: number, overrides: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id,
    subscriptionId: 1,
    channel: { platform: 'discord', workspaceId: 'G', channelId: 'C' },
    kind: 'post',
    statusType: 'Note',
    statusId: id,
    payload: {},
    state: 'sending',
    attempts: 1,
    nonce: `n${id}`,
    lastError: null,
    platformMessageId: null,
    createdAt: 0,
    updatedAt: 0,
    claimedBy: null,
    ...overrides,
  };
}

const ids = (rows: OutboxRow[]) => rows.map((r) => r.id);

describe('takeBatch', () => {
  it('packs consecutive Note posts of one feed, up to the limit', () => {
    const { batch, rest } = takeBatch([row(1), row(2), row(3), row(4)], 3);
    expect(ids(batch)).toEqual([1, 2, 3]);
    expect(ids(rest)).toEqual([4]);
  });

  it('stops a pack at another feed, a DayEntry, an edit or a removal', () => {
    expect(ids(takeBatch([row(1), row(2, { subscriptionId: 2 })], 10).batch)).toEqual([1]);
    expect(ids(takeBatch([row(1), row(2, { statusType: 'DayEntry' })], 10).batch)).toEqual([1]);
    expect(ids(takeBatch([row(1), row(2, { kind: 'edit' })], 10).batch)).toEqual([1]);
    expect(ids(takeBatch([row(1, { kind: 'delete' }), row(2)], 10).batch)).toEqual([1]);
  });

  it('sends a DayEntry alone, since an edit replaces its whole message', () => {
    expect(ids(takeBatch([row(1, { statusType: 'DayEntry' }), row(2)], 10).batch)).toEqual([1]);
  });

  it('packs the same rows the same way every time (rows in doubt keep their message and nonce)', () => {
    const rows = [row(1), row(2), row(3, { kind: 'edit' }), row(4)];
    expect(takeBatch(rows, 5)).toEqual(takeBatch(rows, 5));
  });
});
