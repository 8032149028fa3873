import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { guildCreatePayload, type Json, readyPayload } from './fake-discord-world.js';

/**
 * The gateway side of the fake (API v10, JSON, no compression): HELLO on connect, READY and
 * GUILD_CREATE after IDENTIFY, HEARTBEAT_ACK for each heartbeat, and dispatches pushed by tests.
 */
export class FakeGateway {
  readonly identifies: Json[] = [];
  heartbeats = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;

  constructor(
    private readonly url: () => string,
    private readonly heartbeatIntervalMs: number,
  ) {
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** Sends a dispatch (op 0) to every connected session. */
  dispatch(t: string, d: Json): void {
    for (const socket of this.sockets) this.send(socket, t, d);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (data) =>
      this.receive(socket, JSON.parse(String(data)) as { op: number; d: unknown }),
    );
    socket.send(
      JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }),
    );
  }

  private receive(socket: WebSocket, payload: { op: number; d: unknown }): void {
    if (payload.op === 1) {
      this.heartbeats += 1;
      socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    } else if (payload.op === 2) {
      this.identifies.push(payload.d as Json);
      this.send(socket, 'READY', readyPayload(this.url()));
      this.send(socket, 'GUILD_CREATE', guildCreatePayload());
    } else if (payload.op === 6) {
      this.send(socket, 'RESUMED', {});
    }
  }

  private send(socket: WebSocket, t: string, d: Json): void {
    this.seq += 1;
    socket.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }
}
