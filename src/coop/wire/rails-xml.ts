import { XMLBuilder } from 'fast-xml-parser';
import { formatInstant } from '../instant.js';
import type { WireField, WireValue } from './wire-fields.js';
import { escapeXmlText } from './xml-escape.js';

/**
 * How names and types are written: responses are Rails `to_xml` (dasherized, typed), request
 * bodies follow the docs' samples (underscored, untyped: `<project_id>111</project_id>`).
 */
export interface XmlStyle {
  readonly dashed: boolean;
  readonly typed: boolean;
}

export const RESPONSE_STYLE: XmlStyle = { dashed: true, typed: true };
export const REQUEST_STYLE: XmlStyle = { dashed: false, typed: false };

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

// Text is escaped by `escapeXmlText` before it reaches the builder, which must not escape again.
const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  suppressEmptyNode: false,
  format: false,
});

type BuilderNode = Record<string, unknown>;

/** Ruby's Float#to_s keeps a decimal point: `1.0`, `0.75`, `1.0e+21`. */
export function formatRailsFloat(value: number): string {
  const text = String(value);
  if (/^-?\d+$/.test(text)) return `${text}.0`;
  return text.replace(/^(-?\d+)e/, '$1.0e');
}

function scalarText(value: WireValue): string | null {
  switch (value.kind) {
    case 'record':
      return null;
    case 'datetime':
      return value.value === null ? null : formatInstant(value.value);
    case 'float':
      return value.value === null ? null : formatRailsFloat(value.value);
    default:
      return value.value === null ? null : String(value.value);
  }
}

function element(name: string, children: BuilderNode[], attrs?: Record<string, string>): BuilderNode {
  return attrs === undefined ? { [name]: children } : { [name]: children, ':@': attrs };
}

function textNode(text: string): BuilderNode {
  return { '#text': escapeXmlText(text) };
}

function fieldNode(name: string, value: WireValue, style: XmlStyle): BuilderNode {
  const tag = style.dashed ? name.replaceAll('_', '-') : name;
  if (value.kind === 'record') return element(tag, fieldNodes(value.fields, style));
  const text = scalarText(value);
  if (text === null) return element(tag, [], { nil: 'true' });
  const typed = style.typed && value.kind !== 'string';
  return element(tag, text === '' ? [] : [textNode(text)], typed ? { type: value.kind } : undefined);
}

function fieldNodes(fields: readonly WireField[], style: XmlStyle): BuilderNode[] {
  return fields.map(([name, value]) => fieldNode(name, value, style));
}

function document(root: BuilderNode): string {
  return `${DECLARATION}\n${builder.build([root])}`;
}

/** `<root><field>…</field>…</root>`, e.g. `<status>` or `<hash>`. */
export function xmlRecordDocument(
  root: string,
  fields: readonly WireField[],
  style = RESPONSE_STYLE,
): string {
  return document(element(root, fieldNodes(fields, style)));
}

/** `<root type="array"><item>…</item>…</root>`, e.g. `<statuses type="array"><status>…`. */
export function xmlListDocument(
  root: string,
  item: string,
  records: readonly (readonly WireField[])[],
): string {
  const items = records.map((fields) => element(item, fieldNodes(fields, RESPONSE_STYLE)));
  return document(element(root, items, { type: 'array' }));
}

/** `<root>text</root>`, e.g. the request body `<status>Deploying build 88</status>`. */
export function xmlTextDocument(root: string, text: string): string {
  return document(element(root, text === '' ? [] : [textNode(text)]));
}

/** `<errors><error>…</error>…</errors>`, the Rails validation-error shape (§13). */
export function xmlErrorsDocument(messages: readonly string[]): string {
  return document(
    element(
      'errors',
      messages.map((message) => element('error', [textNode(message)])),
    ),
  );
}
