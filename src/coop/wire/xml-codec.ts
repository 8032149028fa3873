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
import { asWireRecord, type WireRecord } from './field-readers.js';
import {
  REQUEST_STYLE,
  xmlErrorsDocument,
  xmlListDocument,
  xmlRecordDocument,
  xmlTextDocument,
} from './rails-xml.js';
import { readXmlTree } from './read-xml-tree.js';
import { guardParse, WireError } from './wire-error.js';
import { float, integer, string } from './wire-fields.js';
import { isArrayElement, xmlElementValue } from './xml-element-value.js';

/** Accepted root names, the first being the one written; names are underscored as read. */
interface RecordShape {
  readonly what: string;
  readonly roots: readonly string[];
}

interface ListShape extends RecordShape {
  readonly items: readonly string[];
}

const dashed = (name: string): string => name.replaceAll('_', '-');

function parseRecord<T>(body: string, shape: RecordShape, read: (record: WireRecord) => T): T {
  return guardParse(body, shape.what, () => {
    const root = readXmlTree(body);
    if (isArrayElement(root) || !shape.roots.includes(root.name)) {
      throw new WireError(
        `expected a <${dashed(shape.roots[0] ?? '')}> document, found <${dashed(root.name)}>`,
      );
    }
    return read(asWireRecord(xmlElementValue(root), `<${dashed(root.name)}>`));
  });
}

/**
 * A list root is the expected name (with or without `type="array"`: the docs' `<users>` has none)
 * or any `type="array"` root, since Rails writes an empty array as `<nil-classes type="array"/>`.
 */
function parseList<T>(body: string, shape: ListShape, read: (record: WireRecord) => T): T[] {
  return guardParse(body, shape.what, () => {
    const root = readXmlTree(body);
    if (!isArrayElement(root) && !shape.roots.includes(root.name)) {
      throw new WireError(`expected a <${dashed(shape.roots[0] ?? '')}> list, found <${dashed(root.name)}>`);
    }
    return root.children.map((item) => {
      if (!shape.items.includes(item.name)) {
        throw new WireError(`expected <${dashed(shape.items[0] ?? '')}> items, found <${dashed(item.name)}>`);
      }
      return read(asWireRecord(xmlElementValue(item), `<${dashed(item.name)}>`));
    });
  });
}

const STATUSES: ListShape = { what: 'statuses', roots: ['statuses'], items: ['status'] };
const STATUS: RecordShape = { what: 'status', roots: ['status'] };
const GROUPS: ListShape = { what: 'groups', roots: ['groups'], items: ['group'] };
const MEMBERS: ListShape = { what: 'members', roots: ['users'], items: ['user'] };
const USER: RecordShape = { what: 'user', roots: ['user'] };
const GROUP_AGENDA: RecordShape = { what: 'group agenda', roots: ['hash', 'group_agenda'] };
const USER_AGENDAS: ListShape = { what: 'user agendas', roots: ['records'], items: ['record', 'hash'] };
const MY_AGENDA: RecordShape = { what: 'my agenda', roots: ['hash', 'record', 'user_agenda'] };
const HARVEST: RecordShape = { what: 'harvest credential', roots: ['harvest_credential', 'hash'] };

/** Rails `to_xml` XML (coop-api.md §2.1), read leniently (§2, §12). */
export const xmlCodec: Codec = {
  format: 'xml',
  mimeType: 'application/xml',

  parseStatuses: (body) => parseList(body, STATUSES, readStatus),
  parseStatus: (body) => parseRecord(body, STATUS, readStatus),
  parseGroups: (body) => parseList(body, GROUPS, readGroup),
  parseMembers: (body) => parseList(body, MEMBERS, readMember),
  parseUser: (body) => parseRecord(body, USER, readUser),
  parseGroupAgenda: (body) => parseRecord(body, GROUP_AGENDA, readGroupAgenda),
  parseUserAgendas: (body) => parseList(body, USER_AGENDAS, readUserAgenda),
  parseMyAgenda: (body) => parseRecord(body, MY_AGENDA, readUserAgenda),
  parseHarvestCredential: (body) => parseRecord(body, HARVEST, readHarvestCredential),

  serializeStatuses: (statuses) => xmlListDocument('statuses', 'status', statuses.map(statusFields)),
  serializeStatus: (status) => xmlRecordDocument('status', statusFields(status)),
  serializeGroups: (groups) => xmlListDocument('groups', 'group', groups.map(groupFields)),
  serializeMembers: (members) => xmlListDocument('users', 'user', members.map(memberFields)),
  serializeUser: (user) => xmlRecordDocument('user', userFields(user)),
  serializeGroupAgenda: (agenda) => xmlRecordDocument('hash', groupAgendaFields(agenda)),
  serializeUserAgendas: (agendas) => xmlListDocument('records', 'record', agendas.map(userAgendaFields)),
  serializeMyAgenda: (agenda) => xmlRecordDocument('hash', userAgendaFields(agenda)),
  serializeHarvestCredential: (credential) =>
    xmlRecordDocument('harvest-credential', harvestCredentialFields(credential)),
  serializeErrors: (messages) => xmlErrorsDocument(messages),

  encodeStatusText: (text) => xmlTextDocument('status', text),
  encodeDayEntry: (input) =>
    xmlRecordDocument(
      'status',
      [
        ['text', string(input.text)],
        ['hours', float(input.hours)],
        ['project_id', integer(input.projectId)],
        ['task_id', integer(input.taskId)],
      ],
      REQUEST_STYLE,
    ),
  encodeAgenda: (text) => xmlTextDocument('agenda', text),
  encodeHarvestCredential: (input) =>
    xmlRecordDocument(
      'harvest_credential',
      [
        ['subdomain', string(input.subdomain)],
        ['email', string(input.email)],
        ['password', string(input.password)],
      ],
      REQUEST_STYLE,
    ),
};
