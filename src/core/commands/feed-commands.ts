import type { Group } from '../../coop/types.js';
import type { Subscription } from '../../store/store.js';
import { channelRef } from '../chat-context.js';
import { CoreError } from '../core-error.js';
import {
  describeFeedFilter,
  type FeedFilterSpec,
  formatFeedFilter,
  parseFeedFilter,
} from '../feed-filter.js';
import { feedStateWords } from '../feed-state-words.js';
import type { Command, FeedFilter, GroupRef } from '../grammar/index.js';
import type { ListItem, Reply } from '../reply.js';
import { resolveMember } from '../resolve-member.js';
import type { Session } from '../session.js';
import type { StatusKind } from '../status-message.js';

const KIND_OF: Readonly<Record<string, StatusKind>> = { notes: 'note', time: 'time', cobot: 'cobot' };

async function subscribedGroup(ref: GroupRef | undefined, s: Session): Promise<Group> {
  if (!ref) return (await s.group()).group;
  const groups = await s.groups();
  const group =
    ref.kind === 'id'
      ? groups.find((g) => g.id === ref.id)
      : groups.find((g) => g.name.toLowerCase() === ref.name.toLowerCase());
  if (!group)
    throw new CoreError(
      'not_found',
      'Not found, or not visible to you: only a member of a group can subscribe to it.',
    );
  return group;
}

/** Grammar filters → the stored spec; `user:` terms become Co-op emails, checked against the members. */
async function filterSpec(filters: readonly FeedFilter[], group: Group, s: Session): Promise<FeedFilterSpec> {
  const kinds = new Set<StatusKind>();
  const users = new Set<string>();
  const userFilters = filters.filter((f) => f.kind === 'user');
  const members = userFilters.length > 0 ? await (await s.client()).members(group.id) : [];
  for (const filter of filters) {
    if (filter.kind === 'user')
      users.add((await resolveMember(filter.user, members, group.name, s)).email.toLowerCase());
    else if (filter.kind !== 'all') kinds.add(KIND_OF[filter.kind] as StatusKind);
  }
  return { kinds, users };
}

export async function subscribe(cmd: Extract<Command, { name: 'subscribe' }>, s: Session): Promise<Reply> {
  const account = await s.account();
  const group = await subscribedGroup(cmd.group, s);
  const filter = formatFeedFilter(await filterSpec(cmd.filters, group, s));
  const channel = channelRef(s.ctx);
  const existing = (await s.deps.store.listSubscriptionsByChannel(channel)).find(
    (sub) => sub.groupId === group.id && sub.filter === filter,
  );
  const what = `${describeFeedFilter(parseFeedFilter(filter))} from ${group.name}`;
  if (existing?.state === 'active') {
    return {
      kind: 'text',
      visibility: 'private',
      text: `This channel already receives ${what} (feed #${existing.id}).`,
    };
  }
  if (existing) {
    // Subscribing again is how a paused feed restarts, now polled with the caller's login.
    await s.deps.store.updateSubscription(existing.id, { ownerAccountId: account.id });
    await s.deps.store.resumeSubscription(existing.id);
    return {
      kind: 'text',
      visibility: 'channel',
      text: `Feed #${existing.id} (${what}) is running again, polled with ${account.coopEmail}'s login.`,
    };
  }
  const created = await s.deps.store.createSubscription({
    channel,
    groupId: group.id,
    filter,
    ownerAccountId: account.id,
  });
  return {
    kind: 'text',
    visibility: 'channel',
    text:
      `This channel will now receive ${what} as they are posted (feed #${created.id}), polled with ` +
      `${account.coopEmail}'s login. Nothing already posted is repeated here.`,
  };
}

export async function unsubscribe(
  cmd: Extract<Command, { name: 'unsubscribe' }>,
  s: Session,
): Promise<Reply> {
  const subs = await s.deps.store.listSubscriptionsByChannel(channelRef(s.ctx));
  let doomed: Subscription[];
  if (cmd.target.kind === 'all') doomed = subs;
  else if (cmd.target.kind === 'id') {
    const id = cmd.target.id;
    doomed = subs.filter((sub) => sub.id === id);
    if (doomed.length === 0)
      throw new CoreError('not_found', `This channel has no feed #${id}. Run \`feeds\` to list them.`);
  } else if (subs.length <= 1) doomed = subs;
  else {
    throw new CoreError('usage', `This channel has ${subs.length} feeds: say which (see \`feeds\`) or all.`, {
      usage: 'unsubscribe [id|all]',
      example: `unsubscribe ${subs[0]?.id ?? 1}`,
    });
  }
  if (doomed.length === 0) return { kind: 'text', visibility: 'private', text: 'This channel has no feeds.' };
  for (const sub of doomed) await s.deps.store.deleteSubscription(sub.id);
  const ids = doomed.map((sub) => `#${sub.id}`).join(', ');
  return {
    kind: 'text',
    visibility: 'channel',
    text: `Stopped feed${doomed.length > 1 ? 's' : ''} ${ids} in this channel.`,
  };
}

export async function listFeeds(s: Session): Promise<Reply> {
  const subs = await s.deps.store.listSubscriptionsByChannel(channelRef(s.ctx));
  // Group names need a Co-op login; without one the ids still say which group.
  const groups = (await s.linkedAccount()) ? await s.groups().catch(() => []) : [];
  const items: ListItem[] = [];
  for (const sub of subs) {
    const owner = sub.ownerAccountId === null ? undefined : await s.deps.store.getAccount(sub.ownerAccountId);
    const group = groups.find((g) => g.id === sub.groupId);
    const last =
      sub.lastDeliveryAt === null
        ? 'nothing delivered yet'
        : `last delivery ${new Date(sub.lastDeliveryAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    items.push({
      title: `#${sub.id} ${group?.name ?? `group #${sub.groupId}`}: ${describeFeedFilter(parseFeedFilter(sub.filter))}`,
      detail: `owner ${owner?.coopEmail ?? 'none'} · ${feedStateWords(sub)} · ${last}`,
    });
  }
  return {
    kind: 'list',
    visibility: 'private',
    title: 'Feeds in this channel:',
    empty: 'This channel has no feeds. Try `subscribe`.',
    items,
  };
}
