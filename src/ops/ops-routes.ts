import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from '../metrics/metrics.js';
import { type HealthCheck, runHealthChecks } from './health-checks.js';

export interface OpsRoute {
  path: '/healthz' | '/metrics';
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** `/healthz` (200 or 503 with each check's result) and `/metrics` (Prometheus text format). */
export function opsRoutes(checks: readonly HealthCheck[], metrics: Metrics): OpsRoute[] {
  return [
    {
      path: '/healthz',
      async handler(_req, res) {
        const report = await runHealthChecks(checks);
        res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(report));
      },
    },
    {
      path: '/metrics',
      async handler(_req, res) {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(body);
      },
    },
  ];
}
