/** Characters XML 1.0 cannot carry at all, not even as character references. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const SPECIAL = /[&<>\r]/g;
const SPECIAL_REPLACEMENT: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // A raw CR would be folded into LF by any XML parser; a reference keeps it.
  '\r': '&#13;',
};

/**
 * Escapes text for an element body. Characters XML cannot represent (NUL, most C0 controls, lone
 * surrogates) become U+FFFD, as Builder did with its own placeholder: the document stays parseable
 * rather than being refused by every client.
 */
export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(SPECIAL, (c) => SPECIAL_REPLACEMENT[c] ?? c);
}

const REFERENCE = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function fromCodePoint(code: number): string | undefined {
  const valid = code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : undefined;
}

/**
 * Decodes the five predefined entities and numeric references. Anything else (`&nbsp;`, a bad
 * code point) is left as written, so unknown text is kept rather than lost.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, ref: string) => {
    if (!ref.startsWith('#')) return NAMED[ref] ?? whole;
    const hex = ref[1] === 'x' || ref[1] === 'X';
    const code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
    return fromCodePoint(code) ?? whole;
  });
}
