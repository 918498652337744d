import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';

describe('Avalanche configuration', () => {
  it('defaults to the local L1 stand-in with a 1-coin top-up below 0.1 coin', () => {
    expect(loadConfig({})).toMatchObject({
      AVALANCHE_NETWORK: 'local',
      AVALANCHE_TOPUP_WEI: '1000000000000000000',
      AVALANCHE_TOPUP_THRESHOLD_WEI: '100000000000000000',
    });
    expect(loadConfig({}).AVALANCHE_FINALITY).toBeUndefined(); // the stand-in: depth 0
  });
  it('names every missing variable for an existing L1, never defaults a key', () => {
    expect(() => loadConfig({ AVALANCHE_NETWORK: 'rpc' })).toThrow(
      /AVALANCHE_RPC_URL[\s\S]*AVALANCHE_CHAIN_ID[\s\S]*AVALANCHE_FINALITY: required when AVALANCHE_NETWORK=rpc[\s\S]*AVALANCHE_INFRASTRUCTURE_FILE[\s\S]*AVALANCHE_OPERATOR_SIGNER[\s\S]*AVALANCHE_ADMIN_SIGNER/,
    );
    const key = 'ab'.repeat(32);
    const l1 = {
      AVALANCHE_NETWORK: 'rpc',
      AVALANCHE_RPC_URL: 'http://127.0.0.1:9650/ext/bc/x/rpc',
      AVALANCHE_CHAIN_ID: '43113',
      AVALANCHE_FINALITY: 'finalized',
      AVALANCHE_INFRASTRUCTURE: '{}',
      FISCUS_KEYSTORE_PASSPHRASE: 'pass phrase',
    };
    expect(() => loadConfig({ ...l1, AVALANCHE_OPERATOR_SIGNER: 'keystore:/k/op.json', AVALANCHE_ADMIN_SIGNER: 'keystore:/k/op.json' })).toThrow(
      /AVALANCHE_ADMIN_SIGNER: must differ from AVALANCHE_OPERATOR_SIGNER/,
    );
    // Plaintext keys are for the local stand-in: an existing L1 refuses them, naming the signer to set.
    expect(() =>
      loadConfig({ ...l1, AVALANCHE_OPERATOR_KEY: key, AVALANCHE_ADMIN_SIGNER: 'keystore:/k/admin.json', AVALANCHE_OPERATOR_SIGNER: 'keystore:/k/op.json' }),
    ).toThrow(/AVALANCHE_OPERATOR_KEY: a plaintext key is refused when AVALANCHE_NETWORK=rpc: set AVALANCHE_OPERATOR_SIGNER/);
    expect(loadConfig({ ...l1, AVALANCHE_OPERATOR_SIGNER: 'keystore:/k/op.json', AVALANCHE_ADMIN_SIGNER: 'keystore:/k/admin.json' }).AVALANCHE_NETWORK).toBe(
      'rpc',
    );
  });
  it('refuses a top-up that is not a whole number of wei', () => {
    expect(() => loadConfig({ AVALANCHE_TOPUP_WEI: '1.5' })).toThrow(/AVALANCHE_TOPUP_WEI: must be a whole number of wei/);
  });
});
