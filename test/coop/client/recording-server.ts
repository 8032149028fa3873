import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stub server saw it. */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client's socket port: equal ports mean a reused keep-alive connection. */
  remotePort: number | undefined;
}

/** What the stub answers: a response, or `hang` (never answer) to provoke a timeout. */
export type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

export interface RecordingServer {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/**
 * A tiny real HTTP server on 127.0.0.1 that records every request and answers with `reply`,
 * so tests exercise real undici over a real socket rather than mocks of its internals.
 */
export async function startRecordingServer(
  reply: (req: Recorded, index: number) => Reply = () => ({ status: 200, body: '' }),
): Promise<RecordingServer> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        remotePort: req.socket.remotePort,
      };
      requests.push(recorded);
      const answer = reply(recorded, requests.length - 1);
      if (answer === 'hang') return;
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL nothing listens on: a server is started, its port noted, and the server closed. */
export async function refusedUrl(): Promise<string> {
  const s = await startRecordingServer();
  await s.close();
  return s.url;
}
