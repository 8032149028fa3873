import { XMLParser } from 'fast-xml-parser';
import { codecFor } from '../src/coop/wire/codecs.js';
import type { BenchPart } from './bench-part.js';
import { microsPerCall } from './measure.js';
import { sampleStatuses } from './sample-statuses.js';

/** Parse cost of a 50-status page through the client's codec, beside the raw parsers on the same bytes. */
export const parsePart: BenchPart = {
  name: 'parse',
  description: 'parse a 50-status list, XML and JSON, codec vs raw parser',
  async run(report) {
    const statuses = sampleStatuses(50);
    const xml = codecFor('xml');
    const json = codecFor('json');
    const xmlBody = xml.serializeStatuses(statuses);
    const jsonBody = json.serializeStatuses(statuses);
    const raw = new XMLParser({ ignoreAttributes: false });

    const xmlCodec = microsPerCall(() => xml.parseStatuses(xmlBody));
    const xmlRaw = microsPerCall(() => raw.parse(xmlBody));
    const jsonCodec = microsPerCall(() => json.parseStatuses(jsonBody));
    const jsonRaw = microsPerCall(() => JSON.parse(jsonBody));

    report.add('parse.xml.codec_us', xmlCodec, 'µs/page');
    report.add('parse.xml.raw_us', xmlRaw, 'µs/page', 'fast-xml-parser alone');
    report.add('parse.xml.ratio', xmlCodec / xmlRaw, '×');
    report.add('parse.json.codec_us', jsonCodec, 'µs/page');
    report.add('parse.json.raw_us', jsonRaw, 'µs/page', 'JSON.parse alone');
    report.add('parse.json.ratio', jsonCodec / jsonRaw, '×');
  },
};
