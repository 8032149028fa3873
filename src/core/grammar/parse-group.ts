import type { GroupRef } from './command.js';
import { parseId } from './parse-id.js';
import { ok, type Parsed } from './parsed.js';

/** A group by id when all digits (Co-op ids, e.g. 12561), by name otherwise. */
export function parseGroup(text: string): Parsed<GroupRef> {
  if (!/^\d+$/.test(text)) return ok({ kind: 'name', name: text });
  const id = parseId(text, 'a group id');
  return id.ok ? ok({ kind: 'id', id: id.value }) : id;
}
