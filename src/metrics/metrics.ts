import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Everything `/metrics` shows, in one registry per process (tests make their own). Names follow
 * Prometheus conventions: `_total` counters, base units (seconds).
 */
export class Metrics {
  readonly registry = new Registry();

  readonly polls = new Counter({
    name: 'coop_bridge_polls_total',
    help: 'Co-op polls by result: changed (200), not_modified (304) or error',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly deliveries = new Counter({
    name: 'coop_bridge_deliveries_total',
    help: 'Statuses delivered to chat, by platform and kind of delivery (post, edit, delete)',
    labelNames: ['platform', 'kind'] as const,
    registers: [this.registry],
  });

  readonly relayLag = new Histogram({
    name: 'coop_bridge_relay_lag_seconds',
    help: 'From a status being created in Co-op to its message reaching the chat platform',
    labelNames: ['platform'] as const,
    buckets: [1, 5, 15, 30, 60, 120, 300, 900, 3600],
    registers: [this.registry],
  });

  /** Read at scrape time from the store (set with `measureOutboxDepth`). */
  private outboxDepthSource: (() => Promise<number>) | undefined;

  readonly outboxDepth = new Gauge({
    name: 'coop_bridge_outbox_depth',
    help: 'Outbox rows not yet delivered (pending or in flight)',
    registers: [this.registry],
    collect: async () => {
      if (this.outboxDepthSource) this.outboxDepth.set(await this.outboxDepthSource());
    },
  });

  readonly rateLimited = new Counter({
    name: 'coop_bridge_rate_limited_total',
    help: 'Answers of 429 from a chat platform',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'coop_bridge_errors_total',
    help: 'Failures by stable error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  measureOutboxDepth(source: () => Promise<number>): void {
    this.outboxDepthSource = source;
  }

  constructor(options: { collectDefaults?: boolean } = {}) {
    if (options.collectDefaults) {
      // Process metrics (memory, CPU, event-loop lag) come with prom-client.
      collectDefaultMetrics({ register: this.registry });
    }
  }
}
