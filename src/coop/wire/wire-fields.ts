import type { Instant } from '../instant.js';

/**
 * A format-neutral outgoing value. Both writers render the same field list, so XML and JSON can
 * never disagree on which fields a record has. Names are underscored; the XML writer dasherizes.
 */
export type WireValue =
  | { readonly kind: 'integer'; readonly value: number | null }
  | { readonly kind: 'float'; readonly value: number | null }
  | { readonly kind: 'boolean'; readonly value: boolean | null }
  | { readonly kind: 'datetime'; readonly value: Instant | null }
  | { readonly kind: 'date'; readonly value: string | null }
  | { readonly kind: 'string'; readonly value: string | null }
  | { readonly kind: 'record'; readonly fields: readonly WireField[] };

export type WireField = readonly [name: string, value: WireValue];

export const integer = (value: number | null): WireValue => ({ kind: 'integer', value });
export const float = (value: number | null): WireValue => ({ kind: 'float', value });
export const boolean = (value: boolean | null): WireValue => ({ kind: 'boolean', value });
export const datetime = (value: Instant | null): WireValue => ({ kind: 'datetime', value });
export const date = (value: string | null): WireValue => ({ kind: 'date', value });
export const string = (value: string | null): WireValue => ({ kind: 'string', value });
export const record = (fields: readonly WireField[]): WireValue => ({ kind: 'record', fields });
