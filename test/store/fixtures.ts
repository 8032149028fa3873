import type { AccountLink, ChannelRef, NewOutboxRow, NewSubscription, Store } from '../../src/store/store.js';

export const ADA: AccountLink = {
  platform: 'slack',
  workspaceId: 'T01',
  chatUserId: 'U-ADA',
  coopEmail: 'ada@example.com',
  password: 'hunter2-secret',
  coopUserId: 7,
  displayName: 'Ada',
};

export const BOB: AccountLink = {
  platform: 'discord',
  workspaceId: 'G01',
  chatUserId: '1001',
  coopEmail: 'bob@example.com',
  password: 'b0b-pass',
  coopUserId: null,
  displayName: null,
};

export const GENERAL: ChannelRef = { platform: 'slack', workspaceId: 'T01', channelId: 'C-GENERAL' };
export const RANDOM: ChannelRef = { platform: 'slack', workspaceId: 'T01', channelId: 'C-RANDOM' };
export const DISCORD_DEV: ChannelRef = { platform: 'discord', workspaceId: 'G01', channelId: '2002' };

export const DAY = 24 * 60 * 60 * 1000;

/** A linked owner and an active feed of group 42 in #general. */
export async function seedFeed(store: Store, channel: ChannelRef = GENERAL, groupId = 42) {
  const owner = await store.linkAccount(ADA);
  const input: NewSubscription = { channel, groupId, filter: 'all', ownerAccountId: owner.id };
  const subscription = await store.createSubscription(input);
  return { owner, subscription, key: { groupId, ownerAccountId: owner.id } };
}

export function postRow(subscriptionId: number, channel: ChannelRef, statusId: number): NewOutboxRow {
  return {
    subscriptionId,
    channel,
    kind: 'post',
    statusType: 'Note',
    statusId,
    payload: { type: 'Note', id: statusId, text: `status ${statusId}` },
  };
}
