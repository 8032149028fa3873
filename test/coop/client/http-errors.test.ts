import { describe, expect, it } from 'vitest';
import { errorForStatus, messageFromBody, scrub } from '../../../src/coop/client/http-errors.js';

describe('messageFromBody', () => {
  it('reads Rails XML errors', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<errors>\n  <error>Subdomain is invalid &amp; unknown</error>\n  <error>Email is blank</error>\n</errors>\n';
    expect(messageFromBody(xml)).toBe('Subdomain is invalid & unknown; Email is blank');
  });
  it('reads JSON errors, including Rails field pairs', () => {
    expect(messageFromBody('{"errors":["Harvest rejected the login"]}')).toBe('Harvest rejected the login');
    expect(messageFromBody('{"errors":[["subdomain","is invalid"]]}')).toBe('subdomain is invalid');
    expect(messageFromBody('{"error":"nope"}')).toBe('nope');
  });
  it('reads plain text, trimmed and on one line', () => {
    expect(messageFromBody('  You have not linked Harvest\n to this group.  \n')).toBe(
      'You have not linked Harvest to this group.',
    );
  });
  it('gives nothing for empty bodies and HTML pages', () => {
    expect(messageFromBody('')).toBe('');
    expect(messageFromBody('<html><body><h1>Oops</h1></body></html>')).toBe('');
  });
});

describe('errorForStatus', () => {
  const site = {
    method: 'POST',
    path: '/users/1/harvest_credential',
    secrets: ['hunter22'],
    auth: 'basic' as const,
  };
  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [422, 'bad_request'],
    [500, 'server_error'],
    [503, 'server_error'],
  ])('maps %i to %s, keeping status, method and path', (status, code) => {
    const err = errorForStatus(status, '', site);
    expect(err).toMatchObject({ code, status, method: 'POST', path: '/users/1/harvest_credential' });
    expect(err.message).toContain(`POST /users/1/harvest_credential → ${status}`);
  });
  it('never repeats a secret the server echoed', () => {
    const err = errorForStatus(400, '<errors><error>Password hunter22 is wrong</error></errors>', site);
    expect(err.message).toContain('Password [redacted] is wrong');
    expect(`${err.message} ${err.excerpt}`).not.toContain('hunter22');
  });
  it('says which secret a 401 refused', () => {
    expect(errorForStatus(401, '', site).message).toContain('email or password');
    expect(errorForStatus(401, '', { ...site, auth: 'key' }).message).toContain('Cobot key');
    expect(errorForStatus(401, '', { ...site, auth: 'none' }).message).toContain('none was given');
  });
  it('scrub leaves text without secrets alone', () => {
    expect(scrub('plain', ['x'])).toBe('plain');
  });
});
