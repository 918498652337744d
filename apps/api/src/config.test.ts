import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

describe('config', () => {
  it('has defaults that run with nothing else installed', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', LOG_LEVEL: 'info', FISCUS_BODY_LIMIT: 65_536, FISCUS_DEVNET: 'memory', FISCUS_WORKER: true });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.FISCUS_DATA_DIR).toMatch(/\.data\/pglite$/);
  });

  it('has request and header timeouts (408 and close after them), headers within the request', () => {
    expect(loadConfig({})).toMatchObject({ FISCUS_REQUEST_TIMEOUT_MS: 30_000, FISCUS_HEADERS_TIMEOUT_MS: 10_000 });
    expect(() => loadConfig({ FISCUS_REQUEST_TIMEOUT_MS: '5000', FISCUS_HEADERS_TIMEOUT_MS: '6000' })).toThrow(
      /FISCUS_HEADERS_TIMEOUT_MS: must be ≤ FISCUS_REQUEST_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ FISCUS_REQUEST_TIMEOUT_MS: '0' })).toThrow(/FISCUS_REQUEST_TIMEOUT_MS/);
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

  it('starts stellar:local by default; testnet/pubnet need a keyring signer (pubnet also funding and home domain)', () => {
    expect(loadConfig({})).toMatchObject({ STELLAR_NETWORK: 'local', STELLAR_LEDGER_CLOSE_MS: 1000, STELLAR_LOCAL_PORT: 0 });
    expect(() => loadConfig({ STELLAR_NETWORK: 'testnet' })).toThrow(/STELLAR_KEYRING_SIGNER: required when STELLAR_NETWORK=testnet/);
    // A plaintext seed is for the local ledger only: a real network refuses it, naming the signer to set.
    expect(() => loadConfig({ STELLAR_NETWORK: 'testnet', STELLAR_KEYRING_SEED: 'cd'.repeat(32) })).toThrow(
      /STELLAR_KEYRING_SEED: a plaintext key is refused when STELLAR_NETWORK=testnet: set STELLAR_KEYRING_SIGNER/,
    );
    expect(
      loadConfig({ STELLAR_NETWORK: 'testnet', STELLAR_KEYRING_SIGNER: 'keystore:/etc/fiscus/stellar-keyring.json', FISCUS_KEYSTORE_PASSPHRASE: 'pass phrase' })
        .STELLAR_NETWORK,
    ).toBe('testnet');
    try {
      loadConfig({ STELLAR_NETWORK: 'pubnet' });
      expect.unreachable();
    } catch (e) {
      for (const v of ['STELLAR_KEYRING_SIGNER', 'STELLAR_FUNDING_SIGNER', 'STELLAR_HOME_DOMAIN']) expect((e as Error).message).toContain(v);
    }
    expect(() => loadConfig({ STELLAR_NETWORK: 'mainnet' })).toThrow(/STELLAR_NETWORK/);
    const c = loadConfig({ STELLAR_KEYRING_SEED: 'cd'.repeat(32), HOST: '0.0.0.0', PORT: '9000' });
    expect(JSON.stringify(describeConfig(c))).not.toContain('cdcd');
    expect(describeConfig(c).publicUrl).toBe('http://0.0.0.0:9000');
  });
});
