import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig } from './config.ts';
import { SIGNER_ROLES } from './signer-config.ts';

const HEX = `0x${'5a'.repeat(32)}`;
/** A minimal configuration of each real network, keys aside. */
const NETWORKS: Record<string, Record<string, string>> = {
  ETHEREUM_NETWORK: {
    ETHEREUM_NETWORK: 'rpc',
    ETHEREUM_RPC_URL: 'https://rpc.example',
    ETHEREUM_CHAIN_ID: '11155111',
    EVM_FINALITY: 'finalized',
    EVM_INFRASTRUCTURE: '{}',
  },
  AVALANCHE_NETWORK: {
    AVALANCHE_NETWORK: 'rpc',
    AVALANCHE_RPC_URL: 'https://l1.example/ext/bc/x/rpc',
    AVALANCHE_CHAIN_ID: '43113',
    AVALANCHE_FINALITY: 'finalized',
    AVALANCHE_INFRASTRUCTURE: '{}',
  },
  STELLAR_NETWORK: { STELLAR_NETWORK: 'testnet' },
};
const HSM = { FISCUS_PKCS11_LIBRARY: '/usr/lib/softhsm/libsofthsm2.so', FISCUS_PKCS11_TOKEN: 'fiscus', FISCUS_PKCS11_PIN: '97531' };
/** Every required signer of every network, in the HSM. */
const ALL_SIGNERS = Object.fromEntries(SIGNER_ROLES.map((r) => [r.signer, `pkcs11:${r.signer.toLowerCase()}`]));
const EVERYTHING = {
  ...NETWORKS.ETHEREUM_NETWORK,
  ...NETWORKS.AVALANCHE_NETWORK,
  STELLAR_NETWORK: 'pubnet',
  STELLAR_HOME_DOMAIN: 'fund.example.com',
  ...ALL_SIGNERS,
  ...HSM,
};

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('signer configuration', () => {
  it('accepts every role from the HSM on all three real networks and never describes the PIN', () => {
    const c = loadConfig(EVERYTHING);
    expect(c.EVM_OPERATOR_SIGNER).toBe('pkcs11:evm_operator_signer');
    expect(JSON.stringify(describeConfig(c))).not.toContain('97531');
    expect(describeConfig(c).signers).toMatchObject({ EVM_OPERATOR_SIGNER: 'pkcs11:evm_operator_signer' });
  });

  it('refuses every plaintext key on a real network, naming the signer variable to set', () => {
    for (const role of SIGNER_ROLES) {
      const plaintext = String(role.plaintext);
      const value = plaintext.endsWith('_SEED') ? 'cd'.repeat(32) : plaintext.endsWith('_SECRET') ? `S${'A'.repeat(55)}` : HEX;
      const message = errorOf({ ...EVERYTHING, [plaintext]: value });
      expect(message, plaintext).toMatch(
        new RegExp(
          `${plaintext}: a plaintext key is refused when [A-Z_]+=\\w+: set ${role.signer}=pkcs11:<key label> \\(a key in the HSM\\) or keystore:<encrypted file> instead`,
        ),
      );
    }
  });

  it('keeps plaintext keys for local networks (the default)', () => {
    const c = loadConfig({ STELLAR_KEYRING_SEED: 'cd'.repeat(32), EVM_OPERATOR_KEY: HEX, AVALANCHE_PCHAIN_KEY: HEX });
    expect(c.STELLAR_NETWORK).toBe('local');
    expect(c.ETHEREUM_NETWORK).toBe('local');
  });

  it('names the token settings a pkcs11: signer needs, and the passphrase a keystore: signer needs', () => {
    const noHsm = errorOf({ ...NETWORKS.ETHEREUM_NETWORK, EVM_OPERATOR_SIGNER: 'pkcs11:op', EVM_ADMIN_SIGNER: 'keystore:/k/admin.json' });
    for (const v of ['FISCUS_PKCS11_LIBRARY', 'FISCUS_PKCS11_TOKEN', 'FISCUS_PKCS11_PIN', 'FISCUS_KEYSTORE_PASSPHRASE'])
      expect(noHsm).toContain(`${v}: required by the`);
    expect(
      errorOf({
        ...NETWORKS.ETHEREUM_NETWORK,
        ...HSM,
        FISCUS_PKCS11_TOKEN: '',
        FISCUS_PKCS11_SLOT: '1234',
        EVM_OPERATOR_SIGNER: 'pkcs11:op',
        EVM_ADMIN_SIGNER: 'pkcs11:admin',
      }),
    ).toBe('');
    expect(errorOf({ ...NETWORKS.ETHEREUM_NETWORK, EVM_OPERATOR_SIGNER: 'hsm:op', EVM_ADMIN_SIGNER: 'keystore:' })).toMatch(
      /EVM_OPERATOR_SIGNER: must be pkcs11:<key label> or keystore:<path[\s\S]*EVM_ADMIN_SIGNER: must be pkcs11/,
    );
  });

  it('pubnet needs a funding signer; testnet can use friendbot', () => {
    expect(errorOf({ STELLAR_NETWORK: 'pubnet', STELLAR_HOME_DOMAIN: 'f.example', STELLAR_KEYRING_SIGNER: 'pkcs11:fiscus-stellar', ...HSM })).toMatch(
      /STELLAR_FUNDING_SIGNER: required when STELLAR_NETWORK=pubnet/,
    );
    expect(errorOf({ STELLAR_NETWORK: 'testnet', STELLAR_KEYRING_SIGNER: 'pkcs11:fiscus-stellar', ...HSM })).toBe('');
  });
});
