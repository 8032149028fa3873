import { zoneFromRails } from '../../coop/zone.js';
import { channelRef } from '../chat-context.js';
import { CoreError } from '../core-error.js';
import type { Command } from '../grammar/index.js';
import type { Reply } from '../reply.js';
import type { Session } from '../session.js';
import { toStatusMessage } from '../status-message.js';

export async function post(cmd: Extract<Command, { name: 'post' }>, s: Session): Promise<Reply> {
  const { group } = await s.group();
  const id = await (await s.client()).postStatus(group.id, cmd.text);
  return {
    kind: 'text',
    // The channel sees who posted what; an adapter may keep it private (SLACK_CONFIRM_POSTS).
    visibility: 'channel',
    text: `${s.ctx.user.displayName} posted to ${group.name} (note #${id}): ${cmd.text}`,
  };
}

/**
 * `cobot`: posts as the group's robot with its secret key. The key comes from the channel's stored
 * (encrypted) copy, or from the group record when Co-op shows it to the caller, then is kept.
 */
export async function cobot(cmd: Extract<Command, { name: 'cobot' }>, s: Session): Promise<Reply> {
  const { group } = await s.group();
  const channel = channelRef(s.ctx);
  const settings = await s.deps.store.getChannel(channel);
  const key = settings?.cobotKey ?? group.feedKey;
  if (!key) {
    throw new CoreError(
      'no_cobot_key',
      `Co-op does not show ${group.name}'s Cobot key to you. Ask the group's leader to run \`cobot\` here once.`,
    );
  }
  const id = await s.deps.coop.postCobotStatus(group.id, key, cmd.text);
  const posted = `Cobot posted to ${group.name} (note #${id}): ${cmd.text}`;
  if (settings?.cobotKey === key) return { kind: 'text', visibility: 'channel', text: posted };
  await s.deps.store.setChannelCobotKey(channel, key);
  const kept =
    "The group's Cobot key is now kept, encrypted, for this channel: members here can post as Cobot.";
  return { kind: 'text', visibility: 'channel', text: `${posted}\n${kept}` };
}

export async function deleteStatus(cmd: Extract<Command, { name: 'delete' }>, s: Session): Promise<Reply> {
  await (await s.client()).deleteStatus(cmd.id);
  return { kind: 'text', visibility: 'private', text: `Deleted note #${cmd.id}.` };
}

export async function show(cmd: Extract<Command, { name: 'show' }>, s: Session): Promise<Reply> {
  const status = await (await s.client()).showStatus(cmd.id);
  const group = (await s.groups()).find((g) => g.id === status.groupId);
  const zone = group ? s.zoneOf(group) : zoneFromRails('UTC');
  return {
    kind: 'status',
    visibility: 'private',
    title: `Note #${status.id}${group ? ` in ${group.name}` : ''}:`,
    status: toStatusMessage(status, zone),
  };
}
