import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { devnetStatePath } from './wiring.ts';

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
