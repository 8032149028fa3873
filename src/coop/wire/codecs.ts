import type { WireFormat } from '../types.js';
import type { Codec } from './codec.js';
import { jsonCodec } from './json-codec.js';
import { xmlCodec } from './xml-codec.js';

const CODECS: Readonly<Record<WireFormat, Codec>> = { xml: xmlCodec, json: jsonCodec };

/** The codec for a wire format. */
export function codecFor(format: WireFormat): Codec {
  return CODECS[format];
}
