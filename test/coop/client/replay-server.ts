import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

/**
 * Replays raw HTTP captures (status line + headers + body) byte for byte over a plain TCP socket,
 * so the client meets Co-op's 2012 headers as sent: `Connection: close`, no Content-Length,
 * `Transfer-Encoding: Identity` (a body delimited by the close, which undici reads fine).
 *
 * One adjustment, in the head only: the stored captures end their header lines with a bare LF
 * (the gem's fixture files were saved that way), while the wire used CRLF. undici's strict
 * llhttp parser refuses bare-LF heads ("Missing expected CR"), so header lines are re-joined
 * with CRLF and the head terminated if the file stops right after its last header.
 * Body bytes are sent unchanged.
 */
export function wireBytes(capture: Buffer): Buffer {
  const crlf = capture.indexOf('\r\n\r\n');
  const lf = capture.indexOf('\n\n');
  let head: Buffer;
  let body: Buffer;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) {
    head = capture.subarray(0, crlf);
    body = capture.subarray(crlf + 4);
  } else if (lf >= 0) {
    head = capture.subarray(0, lf);
    body = capture.subarray(lf + 2);
  } else {
    head = capture;
    body = Buffer.alloc(0);
  }
  const lines = head.toString('latin1').split(/\r?\n/);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

export interface ReplayServer {
  url: string;
  /** `METHOD path` of each request seen. */
  seen: string[];
  close(): Promise<void>;
}

/** Answers `METHOD /path` (query ignored) with the mapped capture file, else a bare 404. */
export async function startReplayServer(routes: Record<string, string>): Promise<ReplayServer> {
  const seen: string[] = [];
  const server: Server = createServer((socket) => serve(socket, routes, seen));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function serve(socket: Socket, routes: Record<string, string>, seen: string[]): void {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = buffer.subarray(0, end).toString('latin1');
    // Wait for a request body (PUTs) so the client is not cut off mid-write.
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (buffer.length < end + 4 + length) return;
    const [method = '', target = ''] = head.split(' ');
    const key = `${method} ${target.split('?')[0]}`;
    seen.push(key);
    const file = routes[key];
    const response = file
      ? wireBytes(readFileSync(file))
      : Buffer.from('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.end(response);
  });
  socket.on('error', () => socket.destroy());
}
