import autocannon from 'autocannon';
import { startCoopServer } from '../src/coop-server/start-coop-server.js';
import { silentLogger } from '../src/log/logger.js';
import type { BenchPart } from './bench-part.js';

const DURATION_SECONDS = 5;

/** Requests per second of the embedded server for the feed's hot path, over keep-alive. */
export const serverPart: BenchPart = {
  name: 'server',
  description: `GET /groups/1/statuses over keep-alive for ${DURATION_SECONDS}s`,
  async run(report) {
    const server = await startCoopServer({
      port: 0,
      dbPath: ':memory:',
      seed: 'demo',
      logger: silentLogger(),
    });
    try {
      const authorization = `Basic ${Buffer.from('basil@fawltytowers.com:fawlty').toString('base64')}`;
      for (const format of ['json', 'xml'] as const) {
        const result = await autocannon({
          url: `${server.url}/groups/1/statuses`,
          connections: 10,
          duration: DURATION_SECONDS,
          headers: { authorization, accept: `application/${format}` },
        });
        if (result.non2xx > 0) throw new Error(`server bench: ${result.non2xx} non-2xx answers`);
        report.add(
          `server.statuses_${format}.rps`,
          Math.round(result.requests.average),
          'req/s',
          '10 connections',
        );
        report.add(`server.statuses_${format}.p99_ms`, result.latency.p99, 'ms');
      }
    } finally {
      await server.close();
    }
  },
};
