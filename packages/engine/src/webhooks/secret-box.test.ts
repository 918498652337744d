import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTasks } from '../tasks.ts';
import { decryptSecret, encryptSecret, generateWebhookSecret, loadOrCreateWebhookKey } from './secret-box.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscus-whkey-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('webhook secrets at rest', () => {
  it('round-trips under its key; another key or a changed byte fails instead of returning garbage', () => {
    const key = randomBytes(32);
    const secret = generateWebhookSecret();
    const sealed = encryptSecret(key, secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(encryptSecret(key, secret)).not.toBe(sealed); // a fresh IV every time
    expect(decryptSecret(key, sealed)).toBe(secret);
    expect(() => decryptSecret(randomBytes(32), sealed)).toThrow();
    const [v, iv, tag, ct] = sealed.split(':');
    const flipped = Buffer.from(ct!, 'base64');
    flipped[0]! ^= 1;
    expect(() => decryptSecret(key, [v, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
    expect(() => encryptSecret(randomBytes(16), secret)).toThrow(/32 bytes/);
  });

  it('the local key file is created once (0600) and read back by every process', () => {
    const file = join(dir, 'webhook.key');
    const k = loadOrCreateWebhookKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(loadOrCreateWebhookKey(file)).equals(Buffer.from(k))).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a worker runs the webhook task only when given the key', () => {
    expect(defaultTasks().map((t) => t.name)).not.toContain('webhooks');
    expect(defaultTasks({ webhooks: { key: randomBytes(32) } }).map((t) => t.name)).toContain('webhooks');
  });
});
