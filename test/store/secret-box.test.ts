import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/store/secret-box.js';

describe('SecretBox', () => {
  it('round-trips text, with a fresh IV each time', async () => {
    const box = await SecretBox.fromSecret('correct horse', 'COOP_BRIDGE_SECRET');
    const a = box.encrypt('hunter2 — ünïcode ✓', 'account-password');
    const b = box.encrypt('hunter2 — ünïcode ✓', 'account-password');
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(box.decrypt(a, 'account-password')).toBe('hunter2 — ünïcode ✓');
    expect(box.decrypt(box.encrypt('', 'account-password'), 'account-password')).toBe('');
  });

  it('derives the same key from the same secret', async () => {
    const sealed = (await SecretBox.fromSecret('same', 'x')).encrypt('v', 'channel-cobot-key');
    expect((await SecretBox.fromSecret('same', 'y')).decrypt(sealed, 'channel-cobot-key')).toBe('v');
  });

  it('refuses another key with secret_mismatch, never garbage', async () => {
    const sealed = (await SecretBox.fromSecret('one', 'x')).encrypt('v', 'account-password');
    const other = await SecretBox.fromSecret('two', 'COOP_BRIDGE_SECRET');
    expect(() => other.decrypt(sealed, 'account-password')).toThrow(
      expect.objectContaining({
        code: 'secret_mismatch',
        message: expect.stringContaining('COOP_BRIDGE_SECRET'),
      }),
    );
  });

  it('binds a value to its purpose', async () => {
    const box = await SecretBox.fromSecret('k', 'x');
    const sealed = box.encrypt('v', 'account-password');
    expect(() => box.decrypt(sealed, 'channel-cobot-key')).toThrow(
      expect.objectContaining({ code: 'secret_mismatch' }),
    );
  });

  it('detects tampering', async () => {
    const box = await SecretBox.fromSecret('k', 'x');
    const [v, iv, tag, ct] = box.encrypt('some text', 'account-password').split(':');
    const flipped = Buffer.from(ct ?? '', 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box.decrypt([v, iv, tag, flipped.toString('base64')].join(':'), 'account-password')).toThrow(
      expect.objectContaining({ code: 'secret_mismatch' }),
    );
  });

  it.each(['plain', 'v2:a:b:c', 'v1:AAAA:AAAA:AAAA', 'v1:only:three'])('calls %j corrupt', async (stored) => {
    const box = await SecretBox.fromSecret('k', 'x');
    expect(() => box.decrypt(stored, 'account-password')).toThrow(
      expect.objectContaining({ code: 'secret_corrupt' }),
    );
  });

  it('keeps the key out of inspection and JSON', async () => {
    const box = await SecretBox.fromSecret('k', 'the key file /x/secret.key');
    expect(JSON.stringify(box)).toBe('{"source":"the key file /x/secret.key"}');
  });
});
