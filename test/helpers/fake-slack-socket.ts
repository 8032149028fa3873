import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeSlack } from './fake-slack.js';

/**
 * Slack's Socket Mode end of the fake: `apps.connections.open` points the client here; the fake says
 * `hello`, then delivers envelopes (slash commands, interactivity) and collects their acks.
 */
export interface FakeSocketMode {
  /** Sends an envelope; resolves with the ack's payload (`{}` when acknowledged with nothing). */
  deliver(type: 'slash_commands' | 'interactive', payload: object): Promise<Record<string, unknown>>;
  /** Whether a client is connected. */
  connected(): boolean;
  close(): void;
}

export function attachFakeSocketMode(fake: FakeSlack): FakeSocketMode {
  const wss = new WebSocketServer({ noServer: true });
  const waiting = new Map<string, (payload: Record<string, unknown>) => void>();
  let socket: WebSocket | undefined;

  fake.app.server.on('upgrade', (request: IncomingMessage, duplex: Duplex, head: Buffer) => {
    if (!request.url?.startsWith('/socket')) {
      duplex.destroy();
      return;
    }
    wss.handleUpgrade(request, duplex, head, (ws) => {
      socket = ws;
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as {
          envelope_id?: string;
          payload?: Record<string, unknown>;
        };
        const resolve = message.envelope_id ? waiting.get(message.envelope_id) : undefined;
        if (!resolve || !message.envelope_id) return;
        waiting.delete(message.envelope_id);
        resolve(message.payload ?? {});
      });
      ws.on('close', () => {
        if (socket === ws) socket = undefined;
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0COOP' } }));
    });
  });

  return {
    deliver(type, payload) {
      const ws = socket;
      if (!ws) return Promise.reject(new Error('fake socket mode: no client connected'));
      const envelopeId = randomUUID();
      return new Promise((resolve) => {
        waiting.set(envelopeId, resolve);
        ws.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true }));
      });
    },
    connected: () => socket !== undefined,
    close() {
      socket?.terminate();
      wss.close();
    },
  };
}
