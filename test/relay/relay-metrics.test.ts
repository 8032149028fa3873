import { afterEach, describe, expect, it } from 'vitest';
import { Metrics } from '../../src/metrics/metrics.js';
import { relayMetrics } from '../../src/metrics/relay-metrics.js';
import { type RecordingSink, sinkErrors } from '../helpers/recording-sink.js';
import { type Harness, MINUTE, startHarness } from './relay-harness.js';

let h: Harness;
afterEach(() => h?.close());

function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('relay metrics', () => {
  it('counts polls by result, deliveries with their lag, and the outbox depth', async () => {
    h = await startHarness();
    const metrics = new Metrics();
    metrics.measureOutboxDepth(() => h.store.countUndeliveredOutbox());
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay({ observer: relayMetrics(metrics) });
    await h.cycle(relay);
    await h.as('basil@fawltytowers.com').postStatus(1, 'one');
    await h.as('basil@fawltytowers.com').postStatus(1, 'two');
    h.clock.advance(MINUTE);
    await relay.pollDue();
    expect(value(await metrics.registry.metrics(), 'coop_bridge_outbox_depth')).toBe(2);
    await relay.drain();
    // The read poll was the one due now; the next cycles see the same ETag.
    await h.cycle(relay);
    await h.cycle(relay);
    const text = await metrics.registry.metrics();
    expect(value(text, 'coop_bridge_polls_total{result="changed"}')).toBe(2);
    expect(value(text, 'coop_bridge_polls_total{result="not_modified"}')).toBe(1);
    expect(value(text, 'coop_bridge_deliveries_total{platform="shell",kind="post"}')).toBe(2);
    expect(value(text, 'coop_bridge_relay_lag_seconds_count{platform="shell"}')).toBe(2);
    expect(value(text, 'coop_bridge_outbox_depth')).toBe(0);
  });

  it('counts failed polls by error code', async () => {
    let failing = false;
    h = await startHarness({
      configure: (app) =>
        app.addHook('onRequest', async (_req, reply) => {
          if (failing) await reply.code(503).send('down for maintenance');
        }),
    });
    const metrics = new Metrics();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay({ observer: relayMetrics(metrics) });
    await h.cycle(relay);
    failing = true;
    await h.cycle(relay);
    const text = await metrics.registry.metrics();
    expect(value(text, 'coop_bridge_polls_total{result="error"}')).toBe(1);
    expect(value(text, 'coop_bridge_errors_total{code="server_error"}')).toBe(1);
  });

  it('counts 429s from the chat platform and permanent send failures by reason', async () => {
    h = await startHarness();
    const metrics = new Metrics();
    const basil = await h.link('basil');
    await h.subscribe('c1', basil);
    const relay = h.relay({ observer: relayMetrics(metrics) });
    await h.cycle(relay);
    const sink = h.sinks.get('shell') as RecordingSink;
    sink.failNext('send', sinkErrors.rateLimited(1000));
    await h.as('basil@fawltytowers.com').postStatus(1, 'one');
    h.clock.advance(MINUTE);
    await h.cycle(relay);
    sink.failNext('send', sinkErrors.channelGone());
    await h.as('basil@fawltytowers.com').postStatus(1, 'two');
    h.clock.advance(MINUTE);
    await h.cycle(relay);
    const text = await metrics.registry.metrics();
    expect(value(text, 'coop_bridge_rate_limited_total{platform="shell"}')).toBe(1);
    expect(value(text, 'coop_bridge_errors_total{code="chat:channel_not_found"}')).toBe(1);
    expect(value(text, 'coop_bridge_deliveries_total{platform="shell",kind="post"}')).toBe(1);
  });
});
