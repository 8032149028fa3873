import { createServer, type Server } from 'node:http';
import type { OpsRoute } from './ops-routes.js';

export interface RunningOpsServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A bare HTTP server for the ops routes, for when no Slack HTTP receiver is there to carry them. */
export async function startOpsServer(
  routes: readonly OpsRoute[],
  port: number,
  host = '0.0.0.0',
): Promise<RunningOpsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = req.method === 'GET' ? routes.find((r) => r.path === path) : undefined;
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    route.handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
