import type { XmlElement } from './read-xml-tree.js';

/** True for `nil="true"`, Rails' marker for null. */
export function isNil(element: XmlElement): boolean {
  return element.attrs.nil?.trim() === 'true';
}

/** True for `type="array"`, Rails' marker for a collection. */
export function isArrayElement(element: XmlElement): boolean {
  return element.attrs.type?.trim() === 'array';
}

/**
 * The value of an element for the field readers, close to Rails' `Hash.from_xml`: `nil="true"` is
 * null, `type="array"` a list, an element with child elements a record (the first of repeated
 * names wins), anything else its text as written. `type` attributes on scalars are ignored: the
 * readers know each field's type, and real documents omit the attribute (chronos'
 * `timer-started-at`).
 */
export function xmlElementValue(element: XmlElement): unknown {
  if (isNil(element)) return null;
  if (isArrayElement(element)) return element.children.map(xmlElementValue);
  if (element.children.length === 0) return element.text;
  const fields = new Map<string, unknown>();
  for (const child of element.children) {
    if (!fields.has(child.name)) fields.set(child.name, xmlElementValue(child));
  }
  return Object.fromEntries(fields);
}
