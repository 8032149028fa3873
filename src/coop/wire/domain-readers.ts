import type {
  Author,
  DayEntry,
  Group,
  GroupAgenda,
  HarvestCredential,
  Member,
  Note,
  Status,
  StatusType,
  User,
  UserAgenda,
} from '../types.js';
import {
  booleanField,
  fieldValue,
  freeText,
  nameField,
  optionalDate,
  optionalFloat,
  optionalInstant,
  optionalInteger,
  optionalName,
  optionalRecord,
  requiredInstant,
  requiredInteger,
  requiredName,
  type WireRecord,
} from './field-readers.js';
import { WireError } from './wire-error.js';

// Format-neutral readers from a WireRecord (XML element values or JSON objects) to domain types.
// Unknown extra fields (`user-id` on a DayEntry, `city`, `feed_key`…) are ignored.

function readAuthor(status: WireRecord): Author {
  const user = optionalRecord(status, 'user');
  if (user === null) {
    // No author block: keep the status if at least the author's id is known.
    const id = optionalInteger(status, 'user_id');
    if (id === null) throw new WireError('user is missing');
    return { id, name: '', email: '', avatarThumbUrl: null };
  }
  return {
    id: requiredInteger(user, 'id'),
    name: nameField(user, 'name'),
    email: nameField(user, 'email'),
    avatarThumbUrl: optionalName(user, 'avatar_thumb_url'),
  };
}

/**
 * `Note` or `DayEntry`, in any case or with a separator. A missing type (the docs' single-status
 * sample spells it `<teype>`) reads as a Note, the only type `GET /statuses/:id` returns, unless
 * the record carries DayEntry `hours`. Any other value is refused rather than guessed, since
 * (type, id) is a status's identity.
 */
function readStatusType(record: WireRecord): StatusType {
  const raw = optionalName(record, 'type');
  if (raw === null || raw === '') return fieldValue(record, 'hours') === undefined ? 'Note' : 'DayEntry';
  const word = raw.toLowerCase().replace(/[\s_-]/g, '');
  if (word === 'note') return 'Note';
  if (word === 'dayentry') return 'DayEntry';
  throw new WireError(`unknown status type "${raw}"`);
}

export function readStatus(record: WireRecord): Status {
  const note: Note = {
    type: 'Note',
    id: requiredInteger(record, 'id'),
    text: freeText(record, 'text'),
    groupId: requiredInteger(record, 'group_id'),
    createdAt: requiredInstant(record, 'created_at'),
    updatedAt: optionalInstant(record, 'updated_at'),
    user: readAuthor(record),
  };
  if (readStatusType(record) === 'Note') return note;
  const entry: DayEntry = {
    ...note,
    type: 'DayEntry',
    // A DayEntry without hours has logged nothing yet.
    hours: optionalFloat(record, 'hours') ?? 0,
    client: optionalName(record, 'client'),
    project: optionalName(record, 'project'),
    task: optionalName(record, 'task'),
    spentAt: optionalDate(record, 'spent_at'),
    timerStartedAt: optionalInstant(record, 'timer_started_at'),
  };
  return entry;
}

export function readGroup(record: WireRecord): Group {
  return {
    id: requiredInteger(record, 'id'),
    name: requiredName(record, 'name'),
    // Rails' own name for UTC, which the zone mapping also falls back to.
    timezone: optionalName(record, 'timezone') || 'UTC',
    createdAt: optionalInstant(record, 'created_at'),
    updatedAt: optionalInstant(record, 'updated_at'),
    feedKey: optionalName(record, 'feed_key'),
    membershipsCount: optionalInteger(record, 'memberships_count'),
  };
}

export function readMember(record: WireRecord): Member {
  return {
    id: requiredInteger(record, 'id'),
    email: requiredName(record, 'email'),
    firstName: nameField(record, 'first_name'),
    lastName: nameField(record, 'last_name'),
    avatarThumbUrl: optionalName(record, 'avatar_thumb_url'),
    updatedAt: optionalInstant(record, 'updated_at'),
    city: optionalName(record, 'city'),
  };
}

export function readUser(record: WireRecord): User {
  return {
    ...readMember(record),
    hasHarvestCredential: booleanField(record, 'has_harvest_credential', false),
    createdAt: optionalInstant(record, 'created_at'),
  };
}

export function readGroupAgenda(record: WireRecord): GroupAgenda {
  return {
    groupId: requiredInteger(record, 'group_id'),
    agenda: freeText(record, 'agenda'),
    agendaHtml: freeText(record, 'agenda_html'),
  };
}

export function readUserAgenda(record: WireRecord): UserAgenda {
  return {
    userId: requiredInteger(record, 'user_id'),
    agenda: freeText(record, 'agenda'),
    agendaHtml: freeText(record, 'agenda_html'),
  };
}

export function readHarvestCredential(record: WireRecord): HarvestCredential {
  return {
    id: requiredInteger(record, 'id'),
    email: nameField(record, 'email'),
    subdomain: nameField(record, 'subdomain'),
    userId: requiredInteger(record, 'user_id'),
    createdAt: optionalInstant(record, 'created_at'),
    updatedAt: optionalInstant(record, 'updated_at'),
  };
}
