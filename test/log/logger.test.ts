import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';

function capture(): { stream: Writable; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, lines: () => chunks.join('') };
}

describe('logger', () => {
  it('never writes passwords, keys or Authorization headers', () => {
    const out = capture();
    const log = createLogger({ destination: out.stream });
    log.info({ password: 'hunter2', req: { headers: { authorization: 'Basic c2VjcmV0' } } }, 'login');
    log.info({ account: { password: 'pw-nested', cobotKey: 'fawlty-cobot-key' } }, 'stored');
    log.info({ headers: { authorization: 'Bearer xyz' }, token: 'tok-123' }, 'call');
    const text = out.lines();
    for (const secret of ['hunter2', 'c2VjcmV0', 'pw-nested', 'fawlty-cobot-key', 'Bearer xyz', 'tok-123']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
    expect(text).toContain('login');
  });
});
