import type { ChannelRef, PollKey } from '../store/store.js';

/** A map key for a channel: ids are platform strings, so the separator is one no platform uses. */
export function channelKey(channel: ChannelRef): string {
  return `${channel.platform}\u0000${channel.workspaceId}\u0000${channel.channelId}`;
}

export function pollKeyId(key: PollKey): string {
  return `${key.groupId}:${key.ownerAccountId}`;
}
