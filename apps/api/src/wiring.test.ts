import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { devnetStatePath, stellarLocalStatePath } from './wiring.ts';
import { stellarHomeDomain } from './chains/stellar/wiring.ts';

describe('devnet state file location', () => {
  it('sits next to the PGlite directory, beside the devnet signer seed', () => {
    expect(devnetStatePath(loadConfig({ FISCUS_DATA_DIR: '/srv/fiscus/pglite' }))).toBe(join('/srv/fiscus', 'memchain-devnet.json'));
  });

  it('uses the same default directory when the ledger is on Postgres', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db' });
    expect(devnetStatePath(c)).toBe(join(c.FISCUS_DATA_DIR, '..', 'memchain-devnet.json'));
    expect(devnetStatePath(c)).toMatch(/\.data\/memchain-devnet\.json$/);
  });

  it('is overridden by FISCUS_DEVNET_STATE', () => {
    expect(devnetStatePath(loadConfig({ FISCUS_DEVNET_STATE: '/tmp/chain.json', DATABASE_URL: 'postgres://u@h/db' }))).toBe('/tmp/chain.json');
  });
});

describe('stellar:local wiring', () => {
  it('keeps the local ledger journal beside the data dir unless STELLAR_LOCAL_STATE says otherwise', () => {
    expect(stellarLocalStatePath(loadConfig({ FISCUS_DATA_DIR: '/srv/fiscus/pglite' }))).toBe(join('/srv/fiscus', 'stellar-local-ledger.jsonl'));
    expect(stellarLocalStatePath(loadConfig({ STELLAR_LOCAL_STATE: '/tmp/l.jsonl' }))).toBe('/tmp/l.jsonl');
  });

  it('home domain: STELLAR_HOME_DOMAIN, else the host of the public URL (which serves stellar.toml)', () => {
    expect(stellarHomeDomain(loadConfig({}))).toBe('127.0.0.1:8080');
    expect(stellarHomeDomain(loadConfig({ FISCUS_PUBLIC_URL: 'https://fund.example.com/' }))).toBe('fund.example.com');
    expect(stellarHomeDomain(loadConfig({ STELLAR_HOME_DOMAIN: 'issuer.example', FISCUS_PUBLIC_URL: 'https://x.example' }))).toBe('issuer.example');
  });
});
