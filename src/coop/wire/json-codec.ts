import type { Status } from '../types.js';
import type { Codec } from './codec.js';
import {
  groupAgendaFields,
  groupFields,
  harvestCredentialFields,
  memberFields,
  statusFields,
  userAgendaFields,
  userFields,
} from './domain-fields.js';
import {
  readGroup,
  readGroupAgenda,
  readHarvestCredential,
  readMember,
  readStatus,
  readUser,
  readUserAgenda,
} from './domain-readers.js';
import { asWireRecord, isWireRecord, type WireRecord } from './field-readers.js';
import { fieldsToJson } from './json-fields.js';
import { repairJson } from './repair-json.js';
import { guardParse, WireError } from './wire-error.js';
import type { WireField } from './wire-fields.js';

function parseJson(body: string): unknown {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text === '') throw new WireError('empty body');
  try {
    return JSON.parse(text);
  } catch (error) {
    try {
      return JSON.parse(repairJson(text));
    } catch {
      throw new WireError(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Root-less by the docs, but Rails 2 apps often had `include_root_in_json` on, which wraps a record
 * as `{"status": {…}}`: unwrap that one shape.
 */
function unwrap(value: unknown, root: string, what: string): WireRecord {
  const record = asWireRecord(value, what);
  const keys = Object.keys(record);
  const inner = keys.length === 1 && keys[0] === root ? record[root] : undefined;
  return isWireRecord(inner) ? inner : record;
}

function parseRecord<T>(body: string, what: string, root: string, read: (record: WireRecord) => T): T {
  return guardParse(body, what, () => read(unwrap(parseJson(body), root, what)));
}

function parseList<T>(body: string, what: string, item: string, read: (record: WireRecord) => T): T[] {
  return guardParse(body, what, () => {
    const value = parseJson(body);
    if (!Array.isArray(value)) throw new WireError(`expected a list of ${item} records`);
    return value.map((entry) => read(unwrap(entry, item, item)));
  });
}

const stringify = (fields: readonly WireField[]): string => JSON.stringify(fieldsToJson(fields));
const stringifyList = (records: readonly (readonly WireField[])[]): string =>
  JSON.stringify(records.map(fieldsToJson));

/** Root-less JSON (coop-api.md §2.2): underscored keys, `null`s, ISO 8601 timestamps with offset. */
export const jsonCodec: Codec = {
  format: 'json',
  mimeType: 'application/json',

  parseStatuses: (body) => parseList(body, 'statuses', 'status', readStatus),
  parseStatus: (body) => parseRecord(body, 'status', 'status', readStatus),
  parseGroups: (body) => parseList(body, 'groups', 'group', readGroup),
  parseMembers: (body) => parseList(body, 'members', 'user', readMember),
  parseUser: (body) => parseRecord(body, 'user', 'user', readUser),
  parseGroupAgenda: (body) => parseRecord(body, 'group agenda', 'hash', readGroupAgenda),
  parseUserAgendas: (body) => parseList(body, 'user agendas', 'record', readUserAgenda),
  parseMyAgenda: (body) => parseRecord(body, 'my agenda', 'hash', readUserAgenda),
  parseHarvestCredential: (body) =>
    parseRecord(body, 'harvest credential', 'harvest_credential', readHarvestCredential),

  serializeStatuses: (statuses: readonly Status[]) => stringifyList(statuses.map(statusFields)),
  serializeStatus: (status) => stringify(statusFields(status)),
  serializeGroups: (groups) => stringifyList(groups.map(groupFields)),
  serializeMembers: (members) => stringifyList(members.map(memberFields)),
  serializeUser: (user) => stringify(userFields(user)),
  serializeGroupAgenda: (agenda) => stringify(groupAgendaFields(agenda)),
  serializeUserAgendas: (agendas) => stringifyList(agendas.map(userAgendaFields)),
  serializeMyAgenda: (agenda) => stringify(userAgendaFields(agenda)),
  serializeHarvestCredential: (credential) => stringify(harvestCredentialFields(credential)),
  serializeErrors: (messages) => JSON.stringify({ errors: messages }),

  encodeStatusText: (text) => JSON.stringify({ status: text }),
  encodeDayEntry: (input) =>
    JSON.stringify({
      status: { text: input.text, hours: input.hours, project_id: input.projectId, task_id: input.taskId },
    }),
  encodeAgenda: (text) => JSON.stringify({ agenda: text }),
  encodeHarvestCredential: (input) =>
    JSON.stringify({
      harvest_credential: { subdomain: input.subdomain, email: input.email, password: input.password },
    }),
};
