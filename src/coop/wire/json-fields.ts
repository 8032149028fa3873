import { formatInstant } from '../instant.js';
import type { WireField, WireValue } from './wire-fields.js';

function jsonValue(value: WireValue): unknown {
  switch (value.kind) {
    case 'record':
      return fieldsToJson(value.fields);
    case 'datetime':
      return value.value === null ? null : formatInstant(value.value);
    default:
      return value.value;
  }
}

/** Wire fields as a JSON object: underscored keys, `null` for nil, ISO 8601 timestamps with offset. */
export function fieldsToJson(fields: readonly WireField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map(([name, value]) => [name, jsonValue(value)]));
}
