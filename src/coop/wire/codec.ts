import type {
  DayEntryInput,
  Group,
  GroupAgenda,
  HarvestCredential,
  HarvestCredentialInput,
  Member,
  Status,
  User,
  UserAgenda,
  WireFormat,
} from '../types.js';

/**
 * One wire format (Rails-style XML or root-less JSON, coop-api.md §2), both directions.
 * The client parses responses and encodes request bodies with it; the embedded server
 * serializes responses with it. Parsers are lenient (§2, §12) and throw a CoopError with
 * code `bad_response` and a short excerpt for what cannot be recovered; they never throw anything else.
 */
export interface Codec {
  readonly format: WireFormat;
  /** The MIME type for Accept and Content-Type, e.g. `application/xml`. */
  readonly mimeType: string;

  parseStatuses(body: string): Status[];
  parseStatus(body: string): Status;
  parseGroups(body: string): Group[];
  parseMembers(body: string): Member[];
  parseUser(body: string): User;
  parseGroupAgenda(body: string): GroupAgenda;
  parseUserAgendas(body: string): UserAgenda[];
  parseMyAgenda(body: string): UserAgenda;
  parseHarvestCredential(body: string): HarvestCredential;

  serializeStatuses(statuses: readonly Status[]): string;
  serializeStatus(status: Status): string;
  serializeGroups(groups: readonly Group[]): string;
  serializeMembers(members: readonly Member[]): string;
  serializeUser(user: User): string;
  serializeGroupAgenda(agenda: GroupAgenda): string;
  serializeUserAgendas(agendas: readonly UserAgenda[]): string;
  serializeMyAgenda(agenda: UserAgenda): string;
  serializeHarvestCredential(credential: HarvestCredential): string;
  /** `<errors><error>…</error></errors>` or `{"errors":[…]}` (§13). */
  serializeErrors(messages: readonly string[]): string;

  /** Request bodies: `<status>text</status>` / `{"status":"text"}` (§4). */
  encodeStatusText(text: string): string;
  /** `<status><text>…</text><hours>…</hours><project_id>…</project_id><task_id>…</task_id></status>` (§6). */
  encodeDayEntry(input: DayEntryInput): string;
  /** `<agenda>text</agenda>` / `{"agenda":"text"}` (§7). */
  encodeAgenda(text: string): string;
  /** `<harvest_credential>…</harvest_credential>` / `{"harvest_credential":{…}}` (§8). */
  encodeHarvestCredential(input: HarvestCredentialInput): string;
}

/**
 * A request body read the way Rails reads params: element or key names with dashes turned into
 * underscores, nested elements as nested objects, a text-only root as a string. For
 * `<status>a & b</status>` (unescaped, as real clients sent) the text is recovered, not refused.
 */
export type RequestParams = Record<string, unknown>;
