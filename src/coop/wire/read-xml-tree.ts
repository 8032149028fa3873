import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { repairXml } from './repair-xml.js';
import { WireError } from './wire-error.js';
import { decodeXmlEntities } from './xml-escape.js';

/**
 * An element with its name normalised the way Rails reads XML (`group-id` → `group_id`), its
 * attributes and text decoded, and its content in document order.
 */
export interface XmlElement {
  /** The name as Rails reads it: `group-id` → `group_id`. */
  readonly name: string;
  /** The name as written. */
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** Child elements and text runs in order (text decoded, CDATA as written). */
  readonly content: readonly (XmlElement | string)[];
  readonly children: readonly XmlElement[];
  /** All direct text joined, untrimmed: a status text must round-trip exactly. */
  readonly text: string;
}

// Entities are decoded here, not by the parser: its decoder skips numeric references unless
// HTML entities are on, and caps expansions, which a long text full of `&amp;` could reach.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((part) => (isObject(part) ? String(part['#text'] ?? '') : '')).join('');
}

function readAttrs(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeXmlEntities(String(v))]));
}

function readContent(nodes: unknown): (XmlElement | string)[] {
  if (!Array.isArray(nodes)) return [];
  const content: (XmlElement | string)[] = [];
  for (const node of nodes) {
    if (!isObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === ':@' || key === '#comment') continue;
      if (key === '#text') content.push(decodeXmlEntities(String(value)));
      else if (key === '#cdata') content.push(cdataText(value));
      else content.push(makeElement(key, value, node[':@']));
    }
  }
  return content;
}

function makeElement(rawName: string, nodes: unknown, attrs: unknown): XmlElement {
  const content = readContent(nodes);
  return {
    name: rawName.replaceAll('-', '_'),
    tag: rawName,
    attrs: readAttrs(attrs),
    content,
    children: content.filter((part): part is XmlElement => typeof part !== 'string'),
    text: content.filter((part): part is string => typeof part === 'string').join(''),
  };
}

function validate(xml: string): string | undefined {
  const result = XMLValidator.validate(xml);
  return result === true ? undefined : result.err.msg;
}

/**
 * Reads one XML document into its root element. A document that fails validation gets one repair
 * pass (`repairXml`); if it is still invalid, or is empty or not XML, a WireError says why.
 * The parser alone is too forgiving (it accepts truncated documents), so validation comes first.
 */
export function readXmlTree(body: string): XmlElement {
  const source = body.replace(/^\uFEFF/, '').trim();
  if (source === '') throw new WireError('empty body');
  if (!source.startsWith('<')) throw new WireError('not XML');
  let xml = source;
  const problem = validate(xml);
  if (problem !== undefined) {
    xml = repairXml(source);
    if (validate(xml) !== undefined) throw new WireError(`malformed XML: ${problem}`);
  }
  const roots = readContent(parser.parse(xml)).filter((part) => typeof part !== 'string');
  const [root] = roots;
  if (root === undefined || roots.length > 1) throw new WireError('expected exactly one root element');
  return root;
}
