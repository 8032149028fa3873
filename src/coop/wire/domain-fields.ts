import type {
  Author,
  Group,
  GroupAgenda,
  HarvestCredential,
  Member,
  Status,
  User,
  UserAgenda,
} from '../types.js';
import { boolean, date, datetime, float, integer, record, string, type WireField } from './wire-fields.js';

// Domain types to wire fields, in the order Rails' `to_xml` samples show them (coop-api.md §3).

function authorFields(user: Author): WireField[] {
  return [
    ['id', integer(user.id)],
    ['name', string(user.name)],
    ['email', string(user.email)],
    ['avatar_thumb_url', string(user.avatarThumbUrl)],
  ];
}

export function statusFields(status: Status): WireField[] {
  const head: WireField[] = [
    ['id', integer(status.id)],
    ['type', string(status.type)],
    ['text', string(status.text)],
  ];
  const tail: WireField[] = [
    ['created_at', datetime(status.createdAt)],
    ['updated_at', datetime(status.updatedAt)],
    ['user', record(authorFields(status.user))],
  ];
  if (status.type === 'Note') return [...head, ['group_id', integer(status.groupId)], ...tail];
  return [
    ...head,
    // Non-finite hours cannot be written as a Rails float; they go out as nil.
    ['hours', float(Number.isFinite(status.hours) ? status.hours : null)],
    ['client', string(status.client)],
    ['project', string(status.project)],
    ['task', string(status.task)],
    ['group_id', integer(status.groupId)],
    ['spent_at', date(status.spentAt)],
    ['timer_started_at', datetime(status.timerStartedAt)],
    ...tail,
  ];
}

export function groupFields(group: Group): WireField[] {
  return [
    ['id', integer(group.id)],
    ['name', string(group.name)],
    ['timezone', string(group.timezone)],
    ['created_at', datetime(group.createdAt)],
    ['updated_at', datetime(group.updatedAt)],
    ['feed_key', string(group.feedKey)],
    ['memberships_count', integer(group.membershipsCount)],
  ];
}

export function memberFields(member: Member): WireField[] {
  return [
    ['id', integer(member.id)],
    ['email', string(member.email)],
    ['first_name', string(member.firstName)],
    ['last_name', string(member.lastName)],
    ['avatar_thumb_url', string(member.avatarThumbUrl)],
    ['updated_at', datetime(member.updatedAt)],
    ['city', string(member.city)],
  ];
}

export function userFields(user: User): WireField[] {
  return [
    ...memberFields(user),
    ['has_harvest_credential', boolean(user.hasHarvestCredential)],
    ['created_at', datetime(user.createdAt)],
  ];
}

export function groupAgendaFields(agenda: GroupAgenda): WireField[] {
  return [
    ['group_id', integer(agenda.groupId)],
    ['agenda', string(agenda.agenda)],
    ['agenda_html', string(agenda.agendaHtml)],
  ];
}

export function userAgendaFields(agenda: UserAgenda): WireField[] {
  return [
    ['user_id', integer(agenda.userId)],
    ['agenda', string(agenda.agenda)],
    ['agenda_html', string(agenda.agendaHtml)],
  ];
}

/** The password is write-only and never appears here (§3.7). */
export function harvestCredentialFields(credential: HarvestCredential): WireField[] {
  return [
    ['id', integer(credential.id)],
    ['email', string(credential.email)],
    ['subdomain', string(credential.subdomain)],
    ['user_id', integer(credential.userId)],
    ['created_at', datetime(credential.createdAt)],
    ['updated_at', datetime(credential.updatedAt)],
  ];
}
