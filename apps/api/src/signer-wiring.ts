import type { AvalancheSigners } from '@fiscus/chain-avalanche';
import type { EvmSigners } from '@fiscus/chain-evm';
import { localStellarKeyring, type StellarKeyring } from '@fiscus/chain-stellar';
import type { Signer } from '@fiscus/core';
import { SignerSource, parseSignerSpec, type KeyAlgorithm } from '@fiscus/signers';
import type { Config } from './config.ts';

/**
 * Real networks' keys from the `*_SIGNER` settings (config.ts has checked that each required one
 * is set and that the token or passphrase they need is configured). Each chain opens its own
 * source (one PKCS#11 session) and closes it with the chain.
 */
export function signerSource(config: Config): SignerSource {
  const pkcs11 =
    config.FISCUS_PKCS11_LIBRARY && config.FISCUS_PKCS11_PIN
      ? {
          library: config.FISCUS_PKCS11_LIBRARY,
          tokenLabel: config.FISCUS_PKCS11_TOKEN,
          slot: config.FISCUS_PKCS11_SLOT === undefined ? undefined : BigInt(config.FISCUS_PKCS11_SLOT),
          pin: config.FISCUS_PKCS11_PIN,
        }
      : undefined;
  return new SignerSource({
    pkcs11,
    keystorePassphrase: config.FISCUS_KEYSTORE_PASSPHRASE,
    names: { pkcs11: 'FISCUS_PKCS11_LIBRARY, FISCUS_PKCS11_TOKEN, FISCUS_PKCS11_PIN', passphrase: 'FISCUS_KEYSTORE_PASSPHRASE' },
  });
}

type SignerName = `${string}_SIGNER`;

/** The signer a setting names; a failure names the setting (e.g. a label the token does not hold). */
async function resolve(source: SignerSource, config: Config, name: SignerName & keyof Config, algorithm: KeyAlgorithm): Promise<Signer | undefined> {
  const value = config[name] as string | undefined;
  if (!value) return undefined;
  try {
    return await source.signer(parseSignerSpec(value), algorithm);
  } catch (e) {
    throw new Error(`${name}: ${(e as Error).message}`);
  }
}

async function required(source: SignerSource, config: Config, name: SignerName & keyof Config, algorithm: KeyAlgorithm): Promise<Signer> {
  const s = await resolve(source, config, name, algorithm);
  if (!s) throw new Error(`${name} is not set`);
  return s;
}

export async function evmSigners(config: Config, source: SignerSource): Promise<EvmSigners> {
  return {
    operator: await required(source, config, 'EVM_OPERATOR_SIGNER', 'secp256k1'),
    admin: await required(source, config, 'EVM_ADMIN_SIGNER', 'secp256k1'),
    claimSigner: await resolve(source, config, 'EVM_CLAIM_SIGNER', 'secp256k1'),
    roleKeys: {
      minter: await roleList(source, config, 'EVM_MINTER_SIGNER', 'EVM_MINTER_NEXT_SIGNER'),
      compliance: await roleList(source, config, 'EVM_COMPLIANCE_SIGNER', 'EVM_COMPLIANCE_NEXT_SIGNER'),
      oracle: await roleList(source, config, 'EVM_ORACLE_SIGNER', 'EVM_ORACLE_NEXT_SIGNER'),
    },
  };
}

/** A role's current key, then its rotation target; empty = the operator holds the role. */
async function roleList(source: SignerSource, config: Config, current: SignerName & keyof Config, next: SignerName & keyof Config): Promise<Signer[]> {
  const keys = [await resolve(source, config, current, 'secp256k1'), await resolve(source, config, next, 'secp256k1')];
  return keys.filter((k): k is Signer => k !== undefined);
}

export async function avalancheSigners(config: Config, source: SignerSource): Promise<AvalancheSigners> {
  return {
    operator: await required(source, config, 'AVALANCHE_OPERATOR_SIGNER', 'secp256k1'),
    admin: await required(source, config, 'AVALANCHE_ADMIN_SIGNER', 'secp256k1'),
    allowListAdmin: await resolve(source, config, 'AVALANCHE_ALLOWLIST_ADMIN_SIGNER', 'secp256k1'),
    claimSigner: await resolve(source, config, 'AVALANCHE_CLAIM_SIGNER', 'secp256k1'),
    roleKeys: {
      minter: await roleList(source, config, 'AVALANCHE_MINTER_SIGNER', 'AVALANCHE_MINTER_NEXT_SIGNER'),
      compliance: await roleList(source, config, 'AVALANCHE_COMPLIANCE_SIGNER', 'AVALANCHE_COMPLIANCE_NEXT_SIGNER'),
      oracle: await roleList(source, config, 'AVALANCHE_ORACLE_SIGNER', 'AVALANCHE_ORACLE_NEXT_SIGNER'),
    },
  };
}

export async function pchainPayer(config: Config, source: SignerSource): Promise<Signer | undefined> {
  return resolve(source, config, 'AVALANCHE_PCHAIN_SIGNER', 'secp256k1');
}

export interface StellarSigners {
  keys: StellarKeyring;
  funding?: Signer;
  sponsor?: Signer;
  feeAccount?: Signer;
}

/** STELLAR_KEYRING_SIGNER: per-fund keys generated in the token, or the keyring's master seed from a keystore. */
export async function stellarSigners(config: Config, source: SignerSource): Promise<StellarSigners> {
  const spec = parseSignerSpec(config.STELLAR_KEYRING_SIGNER!);
  let keys: StellarKeyring;
  try {
    keys = spec.kind === 'pkcs11' ? source.ed25519Keyring(spec.label) : localStellarKeyring(await source.seed(spec.path));
  } catch (e) {
    throw new Error(`STELLAR_KEYRING_SIGNER: ${(e as Error).message}`);
  }
  return {
    keys,
    funding: await resolve(source, config, 'STELLAR_FUNDING_SIGNER', 'ed25519'),
    sponsor: await resolve(source, config, 'STELLAR_SPONSOR_SIGNER', 'ed25519'),
    feeAccount: await resolve(source, config, 'STELLAR_FEE_SIGNER', 'ed25519'),
  };
}
