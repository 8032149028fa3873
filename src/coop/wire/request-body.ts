import type { WireFormat } from '../types.js';
import type { RequestParams } from './codec.js';
import { readXmlTree, type XmlElement } from './read-xml-tree.js';
import { guardParse, WireError } from './wire-error.js';
import { isArrayElement, isNil } from './xml-element-value.js';
import { decodeXmlEntities } from './xml-escape.js';

const underscored = (name: string): string => name.replaceAll('-', '_');

/** Keys that would reach Object.prototype through a later `Object.assign` or spread. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** An object from sender-chosen names, minus the unsafe ones. */
function paramsObject(entries: Iterable<readonly [string, unknown]>): RequestParams {
  return Object.fromEntries([...entries].filter(([key]) => !UNSAFE_KEYS.has(key)));
}

/** What the body looks like: conclusive for XML (`<`) and JSON objects/arrays. */
function sniff(body: string): WireFormat | undefined {
  if (body.startsWith('<')) return 'xml';
  if (body.startsWith('{') || body.startsWith('[')) return 'json';
  return undefined;
}

function declared(contentType: string | undefined): WireFormat | undefined {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('json')) return 'json';
  if (type.includes('xml')) return 'xml';
  return undefined;
}

/** Rails' XML typecasting for the few types a request may carry; other text stays as sent. */
function typedText(element: XmlElement): unknown {
  const type = element.attrs.type?.trim();
  const text = element.text.trim();
  if (
    (type === 'integer' || type === 'float' || type === 'decimal') &&
    text !== '' &&
    Number.isFinite(+text)
  ) {
    return Number(text);
  }
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return element.text;
}

/** Markup as the sender wrote it, for mixed content such as `<status>use <b>bold</b></status>`. */
function innerMarkup(element: XmlElement): string {
  return element.content
    .map((part) => (typeof part === 'string' ? part : `<${part.tag}>${innerMarkup(part)}</${part.tag}>`))
    .join('');
}

function requestValue(element: XmlElement): unknown {
  if (isNil(element)) return null;
  if (isArrayElement(element)) return element.children.map(requestValue);
  if (element.children.length === 0) return typedText(element);
  // Text beside child elements: the sender meant the markup as text, not structure.
  if (element.text.trim() !== '') return innerMarkup(element);
  const fields = new Map<string, unknown>();
  for (const child of element.children) {
    if (!fields.has(child.name)) fields.set(child.name, requestValue(child));
  }
  return paramsObject(fields);
}

const LONE_ELEMENT = /^(?:<\?xml[\s\S]*?\?>)?\s*<([A-Za-z_][\w.-]*)(?:\s[^>]*)?>([\s\S]*)<\/\1\s*>$/;

/**
 * Last resort for XML that even `repairXml` cannot fix, e.g. `<status>a <b> c</status>`: a single
 * element whose content starts as text is taken as that text (one level down too, for
 * `<status><text>a <b> c</text></status>`). Content that starts with a tag was meant as structure
 * (`<status><text>t</status>`), and guessing its text would post garbage: that stays an error.
 */
function loneElement(xml: string, depth = 0): RequestParams | undefined {
  const match = LONE_ELEMENT.exec(xml.trim());
  if (!match) return undefined;
  const [, name = '', inner = ''] = match;
  const key = underscored(name);
  if (!inner.trimStart().startsWith('<')) return paramsObject([[key, decodeXmlEntities(inner)]]);
  const nested = depth === 0 ? loneElement(inner, 1) : undefined;
  return nested && paramsObject([[key, nested]]);
}

function parseXmlBody(body: string): RequestParams {
  let root: XmlElement;
  try {
    root = readXmlTree(body);
  } catch (error) {
    const recovered = loneElement(body);
    if (recovered) return recovered;
    throw error;
  }
  return paramsObject([[root.name, requestValue(root)]]);
}

function underscoreKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(underscoreKeys);
  if (typeof value !== 'object' || value === null) return value;
  return paramsObject(Object.entries(value).map(([k, v]) => [underscored(k), underscoreKeys(v)]));
}

function parseJsonBody(body: string): RequestParams {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new WireError(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WireError('a JSON body must be an object such as {"status": "…"}');
  }
  return underscoreKeys(value) as RequestParams;
}

/**
 * Reads a request body for the server, the way Rails builds `params`: XML or JSON, names with
 * dashes turned into underscores, `<status>text</status>` as `{status: 'text'}` and
 * `<status><text>t</text></status>` as `{status: {text: 't'}}`. Unescaped text from early clients
 * (`<status>a & b <3</status>`) is recovered. The body decides the format when it clearly is XML
 * or JSON, whatever the Content-Type says (real clients sent `application/xml` with JSON and
 * without bodies); the Content-Type only breaks the tie. An empty body gives `{}` (parameters
 * then come from the query or a form). Anything unreadable is a CoopError `bad_request`.
 * Untyped XML values stay strings (`<hours>0.75</hours>` → '0.75'), as in Rails.
 */
export function parseRequestBody(body: string, contentType: string | undefined): RequestParams {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text === '') return {};
  const format = sniff(text) ?? declared(contentType);
  return guardParse(
    body,
    'request body',
    () => {
      if (format === 'xml') return parseXmlBody(text);
      if (format === 'json') return parseJsonBody(text);
      throw new WireError(`expected an XML or JSON body (Content-Type: ${contentType ?? 'none'})`);
    },
    'bad_request',
  );
}
