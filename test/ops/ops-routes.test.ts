import { afterEach, describe, expect, it } from 'vitest';
import { CoopClient } from '../../src/coop/client/coop-client.js';
import { silentLogger } from '../../src/log/logger.js';
import { Metrics } from '../../src/metrics/metrics.js';
import { coopHealthCheck, storeHealthCheck } from '../../src/ops/health-checks.js';
import { opsRoutes } from '../../src/ops/ops-routes.js';
import { type RunningOpsServer, startOpsServer } from '../../src/ops/start-ops-server.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { startTestCoopServer } from '../helpers/coop-server.js';

describe('/healthz and /metrics', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.reverse()) await close();
    closers.length = 0;
  });

  async function setUp(): Promise<{
    ops: RunningOpsServer;
    store: Store;
    stopCoop: () => Promise<void>;
    metrics: Metrics;
  }> {
    const coopServer = await startTestCoopServer({ seed: 'demo' });
    const coop = new CoopClient({ baseUrl: coopServer.url, retries: 0, timeoutMs: 2000 });
    const store = await openStore({ url: 'sqlite::memory:', logger: silentLogger(), env: {} });
    const metrics = new Metrics();
    const ops = await startOpsServer(
      opsRoutes([storeHealthCheck(store), coopHealthCheck(coop)], metrics),
      0,
      '127.0.0.1',
    );
    let coopUp = true;
    const stopCoop = async () => {
      coopUp = false;
      await coopServer.close();
    };
    closers.push(
      () => coop.close(),
      async () => {
        if (coopUp) await coopServer.close();
      },
      () => ops.close(),
      () => store.close().catch(() => undefined),
    );
    return { ops, store, stopCoop, metrics };
  }

  it('is healthy when the store and Co-op answer, and says which one fails', async () => {
    const { ops, stopCoop } = await setUp();
    const healthy = await fetch(`${ops.url}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ ok: true, checks: { store: 'ok', coop: 'ok' } });

    await stopCoop();
    const sick = await fetch(`${ops.url}/healthz`);
    expect(sick.status).toBe(503);
    const report = (await sick.json()) as { ok: boolean; checks: Record<string, string> };
    expect(report.ok).toBe(false);
    expect(report.checks.store).toBe('ok');
    expect(report.checks.coop).toMatch(/could not reach Co-op/);
  });

  it('fails the store check when the store is closed', async () => {
    const { ops, store } = await setUp();
    await store.close();
    const sick = await fetch(`${ops.url}/healthz`);
    expect(sick.status).toBe(503);
    expect(((await sick.json()) as { checks: Record<string, string> }).checks.store).not.toBe('ok');
  });

  it('serves the Prometheus text format with the bridge metrics', async () => {
    const { ops, metrics } = await setUp();
    metrics.polls.inc({ result: 'not_modified' });
    metrics.deliveries.inc({ platform: 'slack', kind: 'post' }, 3);
    const res = await fetch(`${ops.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('coop_bridge_polls_total{result="not_modified"} 1');
    expect(text).toContain('coop_bridge_deliveries_total{platform="slack",kind="post"} 3');
    expect(text).toContain('# TYPE coop_bridge_relay_lag_seconds histogram');
    expect((await fetch(`${ops.url}/nope`)).status).toBe(404);
  });
});
