import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { repairXml } from '../../../src/coop/wire/repair-xml.js';
import { decodeXmlEntities, escapeXmlText } from '../../../src/coop/wire/xml-escape.js';
import { freeText } from './arbitraries.js';

describe('repairXml', () => {
  it('renames an end tag that names no open element to the innermost open one', () => {
    expect(repairXml('<user><id type="integer">21</user-id><name>B</user-name></user>')).toBe(
      '<user><id type="integer">21</id><name>B</name></user>',
    );
  });

  it('escapes stray & and <, keeps real references, and keeps unknown entities as text', () => {
    expect(repairXml('<s>a & b <3 &amp; &#233; &nbsp;</s>')).toBe(
      '<s>a &amp; b &lt;3 &amp; &#233; &amp;nbsp;</s>',
    );
  });

  it('leaves comments, CDATA, declarations and quoted attributes alone', () => {
    const xml = '<?xml version="1.0"?><!-- a < b --><s a="x>y"><![CDATA[<&>]]></s>';
    expect(repairXml(xml)).toBe(xml);
  });

  it('never closes what a truncation left open, nor guesses which inner elements an outer end tag closes', () => {
    expect(XMLValidator.validate(repairXml('<a><b>text'))).not.toBe(true);
    expect(XMLValidator.validate(repairXml('<a><b>text</a>'))).not.toBe(true);
  });

  it('property: escaped text in a valid document survives a repair unchanged', () => {
    fc.assert(
      fc.property(freeText, (text) => {
        const xml = `<a><b x="1">${escapeXmlText(text)}</b></a>`;
        expect(repairXml(xml)).toBe(xml);
      }),
    );
  });

  it('property: raw text with markup characters becomes a valid document', () => {
    fc.assert(
      fc.property(freeText, (text) => {
        const repaired = repairXml(`<s>${text.replaceAll('<', '< ')}</s>`);
        expect(XMLValidator.validate(repaired)).toBe(true);
      }),
    );
  });
});

describe('escapeXmlText / decodeXmlEntities', () => {
  it('decode inverts escape for any text XML can carry', () => {
    fc.assert(
      fc.property(freeText, (text) => {
        expect(decodeXmlEntities(escapeXmlText(text))).toBe(text);
      }),
    );
  });

  it('decodes the predefined entities and numeric references, leaves the rest', () => {
    expect(decodeXmlEntities('&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;&#X41;&nbsp;&#xD800;&#99999999;')).toBe(
      '<>&"\'A😀A&nbsp;&#xD800;&#99999999;',
    );
  });
});
