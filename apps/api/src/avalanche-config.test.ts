import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('Avalanche configuration', () => {
  it('defaults to the local L1 stand-in with a 1-coin top-up below 0.1 coin', () => {
    expect(loadConfig({})).toMatchObject({ AVALANCHE_NETWORK: 'local', AVALANCHE_TOPUP_WEI: '1000000000000000000', AVALANCHE_TOPUP_THRESHOLD_WEI: '100000000000000000' });
    expect(loadConfig({}).AVALANCHE_FINALITY).toBeUndefined(); // the stand-in: depth 0
  });
  it('names every missing variable for an existing L1, never defaults a key', () => {
    expect(() => loadConfig({ AVALANCHE_NETWORK: 'rpc' })).toThrow(/AVALANCHE_RPC_URL[\s\S]*AVALANCHE_CHAIN_ID[\s\S]*AVALANCHE_OPERATOR_KEY[\s\S]*AVALANCHE_ADMIN_KEY[\s\S]*AVALANCHE_FINALITY: required when AVALANCHE_NETWORK=rpc[\s\S]*AVALANCHE_INFRASTRUCTURE_FILE/);
    const key = 'ab'.repeat(32);
    expect(() => loadConfig({ AVALANCHE_NETWORK: 'rpc', AVALANCHE_RPC_URL: 'http://127.0.0.1:9650/ext/bc/x/rpc', AVALANCHE_CHAIN_ID: '43113', AVALANCHE_OPERATOR_KEY: key, AVALANCHE_ADMIN_KEY: key, AVALANCHE_INFRASTRUCTURE: '{}' }))
      .toThrow(/AVALANCHE_ADMIN_KEY: must differ from AVALANCHE_OPERATOR_KEY/);
  });
  it('refuses a top-up that is not a whole number of wei', () => {
    expect(() => loadConfig({ AVALANCHE_TOPUP_WEI: '1.5' })).toThrow(/AVALANCHE_TOPUP_WEI: must be a whole number of wei/);
  });
});
