import { parseArgs } from 'node:util';
import { type BenchPart, BenchReport } from './bench-part.js';
import { parsePart } from './parse-bench.js';
import { relayPart } from './relay-bench.js';
import { scalePart } from './scale-bench.js';
import { serverPart } from './server-bench.js';
import { slackPart } from './slack-bench.js';

/** Every part, in the order a full run takes them. Later issues append theirs. */
const PARTS: readonly BenchPart[] = [parsePart, serverPart, slackPart, relayPart, scalePart];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } },
  });
  const wanted = values.only ?? [];
  const unknown = wanted.filter((name) => !PARTS.some((p) => p.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown bench part: ${unknown.join(', ')}. Parts: ${PARTS.map((p) => p.name).join(', ')}`);
    process.exit(2);
  }
  const report = new BenchReport();
  for (const part of PARTS) {
    if (wanted.length > 0 && !wanted.includes(part.name)) continue;
    if (!values.json) console.error(`bench: ${part.name} — ${part.description}`);
    await part.run(report);
  }
  if (values.json) console.log(JSON.stringify(report.asJson()));
  else console.log(report.asTable());
}

await main();
