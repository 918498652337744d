import { z } from 'zod';
import { SIGNER_SPEC_HINT, SIGNER_SPEC_PATTERN, parseSignerSpec } from '@fiscus/signers';
import type { EvmConfig } from './chains/ethereum/config.ts';
import type { AvalancheConfig } from './chains/avalanche/config.ts';

const spec = z.string().regex(SIGNER_SPEC_PATTERN, SIGNER_SPEC_HINT);

/**
 * Production keys, per role (spread into config.ts's schema). Each `*_SIGNER` is
 * `pkcs11:<label>` (a key generated in the PKCS#11 token below, found by its label) or
 * `keystore:<path>` (an encrypted keystore file unlocked with FISCUS_KEYSTORE_PASSPHRASE).
 * Real networks take keys from these only: the plaintext `*_KEY` / `*_SECRET` / `*_SEED`
 * variables are for local networks, and setting one for a real network stops the process.
 */
export const SIGNER_CONFIG = {
  /** Path of the HSM vendor's PKCS#11 library (SoftHSM2: /usr/lib/softhsm/libsofthsm2.so). */
  FISCUS_PKCS11_LIBRARY: z.string().min(1).optional(),
  /** The token's label; or FISCUS_PKCS11_SLOT (the slot id). */
  FISCUS_PKCS11_TOKEN: z.string().min(1).optional(),
  FISCUS_PKCS11_SLOT: z
    .string()
    .regex(/^\d{1,20}$/, 'must be a slot id (a whole number)')
    .optional(),
  /** The token's user PIN. */
  FISCUS_PKCS11_PIN: z.string().min(1).optional(),
  /** Unlocks every keystore: signer file. */
  FISCUS_KEYSTORE_PASSPHRASE: z.string().min(1).optional(),
  /** ETHEREUM_NETWORK=rpc: secp256k1 keys per role (the claim issuer defaults to the admin). */
  EVM_OPERATOR_SIGNER: spec.optional(),
  EVM_ADMIN_SIGNER: spec.optional(),
  EVM_CLAIM_SIGNER: spec.optional(),
  /**
   * Least privilege (issue 13): the keys holding each role on the chain's agent gate — minting
   * (mint, burn), compliance (freeze, forced transfer, recovery, pause, onboarding), oracle (NAV and
   * attestations). Unset: the operator key holds that role. `*_NEXT_SIGNER`: the key a
   * rotateKey operation (POST /v1/keys/rotations) moves the role to; configure it, rotate, then make
   * it the role's `*_SIGNER` and drop the old one.
   */
  EVM_MINTER_SIGNER: spec.optional(),
  EVM_COMPLIANCE_SIGNER: spec.optional(),
  EVM_ORACLE_SIGNER: spec.optional(),
  EVM_MINTER_NEXT_SIGNER: spec.optional(),
  EVM_COMPLIANCE_NEXT_SIGNER: spec.optional(),
  EVM_ORACLE_NEXT_SIGNER: spec.optional(),
  /** AVALANCHE_NETWORK=rpc: secp256k1 keys per role; P-Chain: the fee payer and subnet owner for POST /v1/avalanche/l1s. */
  AVALANCHE_OPERATOR_SIGNER: spec.optional(),
  AVALANCHE_ADMIN_SIGNER: spec.optional(),
  AVALANCHE_ALLOWLIST_ADMIN_SIGNER: spec.optional(),
  AVALANCHE_CLAIM_SIGNER: spec.optional(),
  AVALANCHE_PCHAIN_SIGNER: spec.optional(),
  /**
   * Least privilege on the Avalanche L1 (issue 13), as EVM_<ROLE>_SIGNER: the keys holding each role
   * on the L1's agent gate (compliance also onboards, so it drives the allow-list gatekeeper).
   * Unset: the operator key holds that role. `*_NEXT_SIGNER`: a rotateKey target. Each configured key
   * is allow-listed (TxAllowList Enabled; compliance also a deployer) and funded by the allow-list admin.
   */
  AVALANCHE_MINTER_SIGNER: spec.optional(),
  AVALANCHE_COMPLIANCE_SIGNER: spec.optional(),
  AVALANCHE_ORACLE_SIGNER: spec.optional(),
  AVALANCHE_MINTER_NEXT_SIGNER: spec.optional(),
  AVALANCHE_COMPLIANCE_NEXT_SIGNER: spec.optional(),
  AVALANCHE_ORACLE_NEXT_SIGNER: spec.optional(),
  /**
   * STELLAR_NETWORK=testnet|pubnet: the funds' issuing and distribution keys. `pkcs11:<prefix>`:
   * one Ed25519 key per fund and role generated in the token as `<prefix>/<role>/<fundId>`;
   * `keystore:<path>`: the keyring's 32-byte master seed, encrypted.
   */
  STELLAR_KEYRING_SIGNER: spec.optional(),
  /** Ed25519 keys of the platform's Stellar accounts: account creation (pubnet), trustline sponsor, fee bumps. */
  STELLAR_FUNDING_SIGNER: spec.optional(),
  STELLAR_SPONSOR_SIGNER: spec.optional(),
  STELLAR_FEE_SIGNER: spec.optional(),
};

const SignerConfigSchema = z.object(SIGNER_CONFIG);
export type SignerConfig = z.infer<typeof SignerConfigSchema>;
type Signable = SignerConfig &
  EvmConfig &
  AvalancheConfig & {
    STELLAR_NETWORK: string;
    STELLAR_KEYRING_SEED?: string;
    STELLAR_FUNDING_SECRET?: string;
    STELLAR_SPONSOR_SECRET?: string;
    STELLAR_FEE_SECRET?: string;
  };
type SignerKey = Exclude<keyof SignerConfig, `FISCUS_${string}`>;

interface Role {
  signer: SignerKey;
  /** The plaintext variable a local network reads for this role. */
  plaintext: keyof Signable;
  /** When the role's network is a real one (then only `signer` may hold the key); its condition for messages. */
  real: (c: Signable) => string | undefined;
  /** Why it is required on a real network; absent = optional. */
  required?: (c: Signable) => string | undefined;
}

const ethereum = (c: Signable) => (c.ETHEREUM_NETWORK === 'rpc' ? 'ETHEREUM_NETWORK=rpc' : undefined);
const avalanche = (c: Signable) => (c.AVALANCHE_NETWORK === 'rpc' ? 'AVALANCHE_NETWORK=rpc' : undefined);
const stellar = (c: Signable) => (c.STELLAR_NETWORK === 'testnet' || c.STELLAR_NETWORK === 'pubnet' ? `STELLAR_NETWORK=${c.STELLAR_NETWORK}` : undefined);
const always = (why: string) => () => why;

export const SIGNER_ROLES: Role[] = [
  {
    signer: 'EVM_OPERATOR_SIGNER',
    plaintext: 'EVM_OPERATOR_KEY',
    real: ethereum,
    required: always('the key that signs engine operations (dev keys are never a default off the devnet)'),
  },
  { signer: 'EVM_ADMIN_SIGNER', plaintext: 'EVM_ADMIN_KEY', real: ethereum, required: always('the key that owns the fund suites and sets policy') },
  { signer: 'EVM_CLAIM_SIGNER', plaintext: 'EVM_CLAIM_KEY', real: ethereum },
  { signer: 'EVM_MINTER_SIGNER', plaintext: 'EVM_MINTER_KEY', real: ethereum },
  { signer: 'EVM_COMPLIANCE_SIGNER', plaintext: 'EVM_COMPLIANCE_KEY', real: ethereum },
  { signer: 'EVM_ORACLE_SIGNER', plaintext: 'EVM_ORACLE_KEY', real: ethereum },
  { signer: 'EVM_MINTER_NEXT_SIGNER', plaintext: 'EVM_MINTER_NEXT_KEY', real: ethereum },
  { signer: 'EVM_COMPLIANCE_NEXT_SIGNER', plaintext: 'EVM_COMPLIANCE_NEXT_KEY', real: ethereum },
  { signer: 'EVM_ORACLE_NEXT_SIGNER', plaintext: 'EVM_ORACLE_NEXT_KEY', real: ethereum },
  { signer: 'AVALANCHE_OPERATOR_SIGNER', plaintext: 'AVALANCHE_OPERATOR_KEY', real: avalanche, required: always('the key that signs engine operations') },
  { signer: 'AVALANCHE_ADMIN_SIGNER', plaintext: 'AVALANCHE_ADMIN_KEY', real: avalanche, required: always('the platform deployer key (owns the fund suites)') },
  { signer: 'AVALANCHE_ALLOWLIST_ADMIN_SIGNER', plaintext: 'AVALANCHE_ALLOWLIST_ADMIN_KEY', real: avalanche },
  { signer: 'AVALANCHE_CLAIM_SIGNER', plaintext: 'AVALANCHE_CLAIM_KEY', real: avalanche },
  { signer: 'AVALANCHE_PCHAIN_SIGNER', plaintext: 'AVALANCHE_PCHAIN_KEY', real: avalanche },
  { signer: 'AVALANCHE_MINTER_SIGNER', plaintext: 'AVALANCHE_MINTER_KEY', real: avalanche },
  { signer: 'AVALANCHE_COMPLIANCE_SIGNER', plaintext: 'AVALANCHE_COMPLIANCE_KEY', real: avalanche },
  { signer: 'AVALANCHE_ORACLE_SIGNER', plaintext: 'AVALANCHE_ORACLE_KEY', real: avalanche },
  { signer: 'AVALANCHE_MINTER_NEXT_SIGNER', plaintext: 'AVALANCHE_MINTER_NEXT_KEY', real: avalanche },
  { signer: 'AVALANCHE_COMPLIANCE_NEXT_SIGNER', plaintext: 'AVALANCHE_COMPLIANCE_NEXT_KEY', real: avalanche },
  { signer: 'AVALANCHE_ORACLE_NEXT_SIGNER', plaintext: 'AVALANCHE_ORACLE_NEXT_KEY', real: avalanche },
  {
    signer: 'STELLAR_KEYRING_SIGNER',
    plaintext: 'STELLAR_KEYRING_SEED',
    real: stellar,
    required: always("the funds' issuing and distribution keys (a generated seed would lose them)"),
  },
  {
    signer: 'STELLAR_FUNDING_SIGNER',
    plaintext: 'STELLAR_FUNDING_SECRET',
    real: stellar,
    required: (c) => (c.STELLAR_NETWORK === 'pubnet' ? 'there is no friendbot to create the issuing accounts' : undefined),
  },
  { signer: 'STELLAR_SPONSOR_SIGNER', plaintext: 'STELLAR_SPONSOR_SECRET', real: stellar },
  { signer: 'STELLAR_FEE_SIGNER', plaintext: 'STELLAR_FEE_SECRET', real: stellar },
];

/** Pairs whose keys must differ: each operator's nonces belong to the engine alone. */
const DISTINCT: [SignerKey, SignerKey][] = [
  ['EVM_OPERATOR_SIGNER', 'EVM_ADMIN_SIGNER'],
  // The admin's nonces are shared with its deployments; a role key never signs as the admin.
  ['EVM_ADMIN_SIGNER', 'EVM_MINTER_SIGNER'],
  ['EVM_ADMIN_SIGNER', 'EVM_COMPLIANCE_SIGNER'],
  ['EVM_ADMIN_SIGNER', 'EVM_ORACLE_SIGNER'],
  ['EVM_MINTER_SIGNER', 'EVM_COMPLIANCE_SIGNER'],
  ['EVM_MINTER_SIGNER', 'EVM_ORACLE_SIGNER'],
  ['AVALANCHE_OPERATOR_SIGNER', 'AVALANCHE_ADMIN_SIGNER'],
  ['AVALANCHE_ADMIN_SIGNER', 'AVALANCHE_MINTER_SIGNER'],
  ['AVALANCHE_ADMIN_SIGNER', 'AVALANCHE_COMPLIANCE_SIGNER'],
  ['AVALANCHE_ADMIN_SIGNER', 'AVALANCHE_ORACLE_SIGNER'],
  ['AVALANCHE_MINTER_SIGNER', 'AVALANCHE_COMPLIANCE_SIGNER'],
  ['AVALANCHE_MINTER_SIGNER', 'AVALANCHE_ORACLE_SIGNER'],
];

/**
 * Real networks get keys only from signers: a plaintext key there stops the process, naming the
 * variable to set instead; the token or the passphrase a signer needs must be configured too.
 */
export function checkSignerConfig(c: Signable, need: (key: string, why: string) => void): void {
  const used: string[] = [];
  for (const role of SIGNER_ROLES) {
    const real = role.real(c);
    if (!real) continue;
    if (c[role.plaintext] !== undefined) {
      need(
        String(role.plaintext),
        `a plaintext key is refused when ${real}: set ${role.signer}=pkcs11:<key label> (a key in the HSM) or keystore:<encrypted file> instead`,
      );
    }
    const value = c[role.signer];
    // A malformed value has its own issue from the schema (zod still runs this refinement).
    if (value && SIGNER_SPEC_PATTERN.test(value)) used.push(value);
    const why = role.required?.(c);
    if (!value && why) need(role.signer, `required when ${real}: ${why} (pkcs11:<key label> or keystore:<encrypted file>)`);
  }
  for (const [a, b] of DISTINCT) {
    if (c[a] && c[a] === c[b]) need(b, `must differ from ${a} (the operator nonces belong to the engine alone)`);
  }
  const kinds = new Set(used.map((v) => parseSignerSpec(v).kind));
  if (kinds.has('pkcs11')) {
    if (!c.FISCUS_PKCS11_LIBRARY) need('FISCUS_PKCS11_LIBRARY', "required by the pkcs11: signers: the path of the HSM's PKCS#11 library");
    if (!c.FISCUS_PKCS11_TOKEN && !c.FISCUS_PKCS11_SLOT)
      need('FISCUS_PKCS11_TOKEN', "required by the pkcs11: signers (or FISCUS_PKCS11_SLOT): the token's label");
    if (!c.FISCUS_PKCS11_PIN) need('FISCUS_PKCS11_PIN', "required by the pkcs11: signers: the token's user PIN");
  }
  if (kinds.has('keystore') && !c.FISCUS_KEYSTORE_PASSPHRASE)
    need('FISCUS_KEYSTORE_PASSPHRASE', 'required by the keystore: signers: unlocks the keystore files');
}

/** The configured signer of each role (`pkcs11:<label>` / `keystore:<path>`: no secret in either). */
export function describeSigners(c: SignerConfig): Partial<Record<SignerKey, string>> {
  return Object.fromEntries(SIGNER_ROLES.filter((r) => c[r.signer]).map((r) => [r.signer, c[r.signer]]));
}
