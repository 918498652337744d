import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feePolicyFromGwei } from '@fiscus/chain-evm';
import { ConfigError, describeConfig, loadConfig } from '../../config.ts';
import { anvilStatePath, evmInfrastructurePath } from '../../wiring.ts';

const KEY_A = `0x${'11'.repeat(32)}`;
// Real networks take keys from signers only (signer-config.ts): an HSM key and a keystore file here.
const SIGNERS = {
  EVM_OPERATOR_SIGNER: 'pkcs11:evm-operator',
  EVM_ADMIN_SIGNER: 'keystore:/etc/fiscus/evm-admin.json',
  FISCUS_PKCS11_LIBRARY: '/usr/lib/softhsm/libsofthsm2.so',
  FISCUS_PKCS11_TOKEN: 'fiscus',
  FISCUS_PKCS11_PIN: '97531',
  FISCUS_KEYSTORE_PASSPHRASE: 'correct horse battery',
};
const RPC = {
  ETHEREUM_NETWORK: 'rpc',
  ETHEREUM_RPC_URL: 'https://rpc.example/v3/secret',
  ETHEREUM_CHAIN_ID: '11155111',
  ...SIGNERS,
  EVM_INFRASTRUCTURE_FILE: '/etc/fiscus/evm.json',
  EVM_FINALITY: 'finalized',
};

describe('ethereum configuration', () => {
  it('defaults to the local anvil devnet, its files beside the data dir', () => {
    const c = loadConfig({ FISCUS_DATA_DIR: '/srv/fiscus/pglite' });
    expect(c.ETHEREUM_NETWORK).toBe('local');
    expect(anvilStatePath(c)).toBe(join('/srv/fiscus', 'anvil-state.json'));
    expect(evmInfrastructurePath(c)).toBe(join('/srv/fiscus', 'evm-infrastructure.json'));
    expect(anvilStatePath(loadConfig({ ETHEREUM_LOCAL_STATE: '/tmp/a.json' }))).toBe('/tmp/a.json');
  });

  it('rpc needs the node, chain id, both signers and the infrastructure record, each named', () => {
    let message = '';
    try {
      loadConfig({ ETHEREUM_NETWORK: 'rpc' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    for (const k of ['ETHEREUM_RPC_URL', 'ETHEREUM_CHAIN_ID', 'EVM_OPERATOR_SIGNER', 'EVM_ADMIN_SIGNER', 'EVM_FINALITY', 'EVM_INFRASTRUCTURE_FILE'])
      expect(message).toContain(`${k}: required when ETHEREUM_NETWORK=rpc`);
    expect(() => loadConfig({ ...RPC, EVM_ADMIN_SIGNER: 'pkcs11:evm-operator' })).toThrow(/EVM_ADMIN_SIGNER: must differ from EVM_OPERATOR_SIGNER/);
    expect(() => loadConfig({ ...RPC, EVM_ADMIN_KEY: KEY_A })).toThrow(
      /EVM_ADMIN_KEY: a plaintext key is refused when ETHEREUM_NETWORK=rpc: set EVM_ADMIN_SIGNER/,
    );
    expect(() => loadConfig({ ...RPC, EVM_OPERATOR_KEY: 'abc' })).toThrow(/EVM_OPERATOR_KEY: must be a 32-byte hex private key/);
  });

  it('a real network never starts without an explicit finality (depth 0 would let a reorg undo a final burn)', () => {
    const { EVM_FINALITY: _, ...noFinality } = RPC;
    expect(() => loadConfig(noFinality)).toThrow(/EVM_FINALITY: required when ETHEREUM_NETWORK=rpc/);
    expect(() => loadConfig({ ...RPC, EVM_FINALITY: 'safe' })).toThrow(/EVM_FINALITY: must be "finalized"/);
    expect(loadConfig({ ...RPC, EVM_FINALITY: '12' }).EVM_FINALITY).toBe('12');
    expect(loadConfig({}).EVM_FINALITY).toBeUndefined(); // local anvil: depth 0
  });

  it('the fee cap is a whole number of gwei, carried to the driver as wei', () => {
    expect(() => loadConfig({ ...RPC, EVM_MAX_FEE_GWEI: '1.5' })).toThrow(/EVM_MAX_FEE_GWEI: must be a whole number of gwei/);
    expect(() => loadConfig({ ...RPC, EVM_MAX_FEE_GWEI: '0' })).toThrow(/EVM_MAX_FEE_GWEI/);
    expect(feePolicyFromGwei(loadConfig({ ...RPC, EVM_MAX_FEE_GWEI: '250' }).EVM_MAX_FEE_GWEI)).toEqual({ maxFeePerGas: 250_000_000_000n });
    expect(feePolicyFromGwei(loadConfig({}).EVM_MAX_FEE_GWEI)).toEqual({});
    expect(() => loadConfig({ FISCUS_REPLACE_AFTER_MS: '10' })).toThrow(/FISCUS_REPLACE_AFTER_MS/);
  });

  it('accepts a complete rpc configuration and never describes its keys', () => {
    const c = loadConfig(RPC);
    expect(c.ETHEREUM_NETWORK).toBe('rpc');
    const described = JSON.stringify(describeConfig(c));
    expect(described).toContain('"ethereum":"rpc"');
    expect(described).not.toContain('1111');
    expect(described).not.toContain('97531');
    expect(described).not.toContain('correct horse');
    expect(described).not.toContain('secret');
  });
});
