import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './fake-discord-gateway.js';
import {
  type FakeBucketLimit,
  type FakeFailure,
  handleRest,
  type RecordedCall,
  RestState,
  type StoredMessage,
} from './fake-discord-rest.js';
import type { Json } from './fake-discord-world.js';

export type { FakeBucketLimit, FakeFailure, RecordedCall, StoredMessage };

/**
 * A fake Discord on 127.0.0.1: the REST API under `/api/v10` (discord.js's `rest.api` points at
 * `apiUrl`) and the gateway, whose URL `GET /gateway/bot` gives, on the same port. Every REST call is
 * recorded; tests push MESSAGE_CREATE and INTERACTION_CREATE through `dispatch`.
 */
export interface FakeDiscord {
  /** `http://127.0.0.1:PORT/api`, for `DISCORD_API_URL`. */
  apiUrl: string;
  gatewayUrl: string;
  calls: RecordedCall[];
  messages: Map<string, StoredMessage>;
  identifies: Json[];
  heartbeats(): number;
  /** Answers the first matching call with this instead, once (a 429, a 403 with code 50013…). */
  failNext(failure: FakeFailure): void;
  /** Answers the next matching call normally, with headers saying its rate-limit bucket is empty. */
  emptyBucketOnce(limit: FakeBucketLimit): void;
  dispatch(t: string, d: Json): void;
  /** The first call from index `from` on that matches; waits for it if needed. */
  waitForCall(
    match: (call: RecordedCall) => boolean,
    options?: { from?: number; timeoutMs?: number },
  ): Promise<RecordedCall>;
  close(): Promise<void>;
}

export async function startFakeDiscord(options: { heartbeatIntervalMs?: number } = {}): Promise<FakeDiscord> {
  const state = new RestState();
  const events = new EventEmitter();
  const gateway = new FakeGateway(() => state.gatewayUrl, options.heartbeatIntervalMs ?? 45_000);
  const server = createServer((req, res) => {
    handleRest(state, req, res)
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      })
      .finally(() => events.emit('call'));
  });
  server.on('upgrade', (req, socket, head) => gateway.upgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.gatewayUrl = `ws://127.0.0.1:${port}`;

  const findCall = (match: (c: RecordedCall) => boolean, from: number) => state.calls.slice(from).find(match);
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: state.gatewayUrl,
    calls: state.calls,
    messages: state.messages,
    identifies: gateway.identifies,
    heartbeats: () => gateway.heartbeats,
    failNext: (failure) => state.failures.push(failure),
    emptyBucketOnce: (limit) => state.limits.push(limit),
    dispatch: (t, d) => gateway.dispatch(t, d),
    waitForCall(match, { from = 0, timeoutMs = 5000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = findCall(match, from);
          if (!found) return;
          clearTimeout(timer);
          events.off('call', check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          events.off('call', check);
          reject(
            new Error(
              `no matching Discord call within ${timeoutMs} ms; calls: ${JSON.stringify(state.calls.slice(from).map((c) => `${c.method} ${c.path}`))}`,
            ),
          );
        }, timeoutMs);
        events.on('call', check);
        check();
      });
    },
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
