import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { EVENTS_PATH } from '../../../adapters/slack/index.js';

const manifest = readFileSync(
  path.resolve(import.meta.dirname, '../../../adapters/slack/manifest.yml'),
  'utf8',
);

it('the manifest declares /coop, interactivity on the events path, and every scope the adapter uses', () => {
  expect(manifest).toMatch(/- command: \/coop\n/);
  expect(manifest).toContain('should_escape: true');
  expect(manifest).toMatch(/usage_hint: ".+"/);
  const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]);
  expect(urls).toHaveLength(2);
  for (const url of urls) expect(url?.endsWith(EVENTS_PATH)).toBe(true);
  expect(manifest).toMatch(/interactivity:\n(?:\s+#.*\n)*\s+is_enabled: true/);
  const scopes = [...manifest.matchAll(/^ {6}- ([a-z:.]+)$/gm)].map((m) => m[1]);
  expect(scopes.sort()).toEqual(
    [
      'channels:history',
      'chat:write',
      'chat:write.public',
      'commands',
      'groups:history',
      'users:read',
      'users:read.email',
    ].sort(),
  );
  expect(manifest).toContain('socket_mode_enabled: false');
});
