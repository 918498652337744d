import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

describe('config', () => {
  it('has defaults that run with nothing else installed', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', LOG_LEVEL: 'info', FISCUS_BODY_LIMIT: 65_536, FISCUS_DEVNET: 'memory', FISCUS_WORKER: true });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.FISCUS_DATA_DIR).toMatch(/\.data\/pglite$/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(8080);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', FISCUS_ADMIN_KEY: 'hunter2', DATABASE_URL: 'mysql://x', FISCUS_WORKER: 'maybe' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      for (const v of ['PORT', 'LOG_LEVEL', 'FISCUS_ADMIN_KEY', 'DATABASE_URL', 'FISCUS_WORKER']) expect(msg).toContain(v);
      expect(msg).not.toContain('hunter2');
    }
  });

  it('never describes secrets', () => {
    const c = loadConfig({ FISCUS_ADMIN_KEY: 'fsk_admin_0123456789abcdef0123', FISCUS_DEVNET_SEED: 'ab'.repeat(32) });
    const text = JSON.stringify(describeConfig(c));
    expect(text).not.toContain('0123456789abcdef0123');
    expect(text).not.toContain('abab');
  });
});
