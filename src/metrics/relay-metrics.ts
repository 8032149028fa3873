import type { Metrics } from './metrics.js';

/**
 * The relay's reports as Prometheus series. Shaped like the relay's RelayObserver without importing
 * it (metrics sits below the relay).
 */
export function relayMetrics(metrics: Metrics) {
  return {
    polled(result: 'changed' | 'not_modified' | 'error', errorCode?: string): void {
      metrics.polls.inc({ result });
      if (errorCode) metrics.errors.inc({ code: errorCode });
    },
    delivered(platform: string, kind: string, count: number, lagMs?: number): void {
      metrics.deliveries.inc({ platform, kind }, count);
      if (lagMs !== undefined) metrics.relayLag.observe({ platform }, lagMs / 1000);
    },
    rateLimited(platform: string): void {
      metrics.rateLimited.inc({ platform });
    },
    sendFailed(_platform: string, reason: string): void {
      metrics.errors.inc({ code: `chat:${reason}` });
    },
  };
}
