import { Account, Operation, TransactionBuilder, type xdr } from '@stellar/stellar-sdk';
import {
  FiscusError,
  isKeyRotationOperation,
  isOracleOperation,
  singleOperations,
  type ChainOperation,
  type KeyRole,
  type KeyRotationOperation,
  type Signer,
} from '@fiscus/core';
import type { RoleAccounts, StellarDeployment } from './deployment.ts';
import { accountIdOf, type StellarKeyring, type StellarRole } from './keys.ts';
import type { StellarApprovals } from './multisig.ts';
import type { StellarNetwork } from './network.ts';
import { signWith } from './sign.ts';

/**
 * Least privilege on Stellar (issue 13; README "Least privilege on Stellar"). Each role key is the
 * master key of its own ROLE ACCOUNT, which sources (and pays for) that role's transactions; the
 * operations themselves have the issuer as source, so the issuing account's signers and
 * thresholds decide what each key may do:
 *
 *   issuer: master (the admin / deployer key) 3, compliance key 2, minting key 1;
 *           thresholds low 2 (SetTrustLineFlags), medium 1 (payment, clawback), high 3 (signers);
 *           AUTH_IMMUTABLE, so no medium key can clear the regulated flags.
 *   role accounts: the role key 1, the admin 2; thresholds low 1 (the key's own sequence and fee),
 *           medium 2 (only the admin writes its data), high 2 (only the admin changes its signers).
 *           The oracle account holds the NAV and attestation entries: medium 1 there.
 *
 * With approvers (multisig.ts) each approver weighs 7 — more than every platform key together —
 * and medium becomes 1 + 7M: a role key lands a medium operation only beside M approvers.
 * The role accounts' ids never change (they are the first keys' accounts); a rotation replaces the
 * key that signs for the account, so the engine's sequence stream per role account survives it.
 */
export const ISSUER_WEIGHT = { admin: 3, compliance: 2, minter: 1 } as const;
export const ISSUER_THRESHOLDS = { low: 2, med: 1, high: 3 } as const;
const ROLE_KEY_WEIGHT = 1;
const ADMIN_ON_ROLE_ACCOUNT = 2;
/** Heavier than admin + compliance + minter together (7 > 3 + 2 + 1): no platform keys replace one approver. */
export const APPROVER_WEIGHT_WITH_ROLES = 7;
const AUTH_IMMUTABLE = 4;

/** The keyring role of a key generation: the first is the role's own name, then `minter@2`, … */
export const keyringRole = (role: KeyRole, generation: number): StellarRole => (generation === 1 ? role : `${role}@${generation}`);

/**
 * Which role signs an operation. Mints and burns are payments and clawbacks (medium); on a SEP-8
 * asset a mint is sandwiched between authorizations (low), which the minting key cannot sign.
 */
export function roleFor(op: ChainOperation, d: StellarDeployment): KeyRole | 'admin' {
  if (isKeyRotationOperation(op)) return 'admin';
  if (isOracleOperation(op)) return 'oracle';
  const items = singleOperations(op);
  const minting = items.every((i) => i.kind === 'burn' || (i.kind === 'mint' && !d.sep8));
  return minting ? 'minter' : 'compliance';
}

/** The Stellar shape of one role's weights on the issuing account. */
export function issuerPlan(roleKeys: { minter: string; compliance: string }, approvals?: StellarApprovals) {
  const m = approvals?.threshold ?? 0;
  return {
    signers: new Map<string, number>([
      [roleKeys.minter, ISSUER_WEIGHT.minter],
      [roleKeys.compliance, ISSUER_WEIGHT.compliance],
      ...(approvals?.approvers ?? []).map((k) => [k, APPROVER_WEIGHT_WITH_ROLES] as [string, number]),
    ]),
    master: ISSUER_WEIGHT.admin,
    thresholds: { low: ISSUER_THRESHOLDS.low, med: ISSUER_THRESHOLDS.med + m * APPROVER_WEIGHT_WITH_ROLES, high: ISSUER_THRESHOLDS.high },
  };
}

/**
 * Idempotent, in ONE transaction (so a crash leaves all of it or none): the role accounts exist
 * (created by `ensureAccount`), accept the admin as their high signer, and the issuer takes the
 * role keys, the approvers, its thresholds and AUTH_IMMUTABLE. Skipped once the issuer is
 * immutable: from then on only rotations change signers.
 */
export async function applyRoles(
  net: StellarNetwork,
  d: StellarDeployment,
  p: { admin: Signer; keys: Record<KeyRole, Signer>; approvals?: StellarApprovals; ensureAccount: (id: string) => Promise<void> },
): Promise<RoleAccounts> {
  const roles: RoleAccounts = { minter: accountIdOf(p.keys.minter), compliance: accountIdOf(p.keys.compliance), oracle: accountIdOf(p.keys.oracle) };
  const issuer = await net.server.loadAccount(d.issuer);
  if (issuer.flags.auth_immutable) return roles;
  for (const id of Object.values(roles)) await p.ensureAccount(id);
  const ops: xdr.Operation[] = [];
  for (const role of ['minter', 'compliance', 'oracle'] as const) {
    const source = roles[role];
    ops.push(
      Operation.setOptions({ source, signer: { ed25519PublicKey: d.issuer, weight: ADMIN_ON_ROLE_ACCOUNT } }),
      Operation.setOptions({
        source,
        masterWeight: ROLE_KEY_WEIGHT,
        lowThreshold: 1,
        // The oracle key writes the NAV entries on its own account (medium there).
        medThreshold: role === 'oracle' ? 1 : ADMIN_ON_ROLE_ACCOUNT,
        highThreshold: ADMIN_ON_ROLE_ACCOUNT,
      }),
    );
  }
  const plan = issuerPlan(roles, p.approvals);
  for (const [key, weight] of plan.signers) ops.push(Operation.setOptions({ signer: { ed25519PublicKey: key, weight } }));
  // Last: the thresholds rise once every signer is in (one transaction anyway).
  ops.push(
    Operation.setOptions({
      masterWeight: plan.master,
      lowThreshold: plan.thresholds.low,
      medThreshold: plan.thresholds.med,
      highThreshold: plan.thresholds.high,
      setFlags: AUTH_IMMUTABLE as never,
    }),
  );
  const fresh = await net.server.loadAccount(d.issuer);
  const b = new TransactionBuilder(new Account(d.issuer, fresh.sequenceNumber()), {
    fee: String(net.maxFeePerOp),
    networkPassphrase: net.passphrase,
  }).setTimeout(net.txTimeoutSec);
  for (const op of ops) b.addOperation(op);
  const tx = b.build();
  await signWith(tx, p.admin);
  for (const role of ['minter', 'compliance', 'oracle'] as const) await signWith(tx, p.keys[role]);
  await net.server.submitTransaction(tx, { skipMemoRequiredCheck: true });
  return roles;
}

const MAX_GENERATIONS = 64;

/**
 * The key that signs for a role account now, read from the chain (the account's one signer
 * besides the admin), so every worker follows a rotation with no shared state but the ledger.
 * Keys come from the keyring by generation (`keyringRole`); each generation up to the current one
 * exists, since each was the target of a rotation.
 */
export class StellarRoleKeys {
  readonly #byKey = new Map<string, { signer: Signer; generation: number }>();

  constructor(
    private readonly net: StellarNetwork,
    private readonly keys: StellarKeyring,
  ) {}

  async active(d: StellarDeployment, role: KeyRole): Promise<{ signer: Signer; generation: number }> {
    const roles = requireRoles(d);
    const account = await this.net.server.loadAccount(roles[role]);
    const master = account.signers.find((s) => s.key === account.account_id);
    const current =
      master && master.weight > 0 ? account.account_id : account.signers.find((s) => s.key !== account.account_id && s.key !== d.issuer && s.weight > 0)?.key;
    if (!current) throw new FiscusError('CHAIN_NOT_CONFIGURED', `the ${role} account ${roles[role]} of ${d.fundId} has no role key`);
    return this.#find(d.fundId, role, current);
  }

  /** The key a rotation of `role` moves to: the keyring's next generation. */
  async next(d: StellarDeployment, role: KeyRole): Promise<{ signer: Signer; generation: number; current: Signer }> {
    const now = await this.active(d, role);
    return { signer: await this.#generation(d.fundId, role, now.generation + 1), generation: now.generation + 1, current: now.signer };
  }

  async #find(fundId: string, role: KeyRole, key: string) {
    const known = this.#byKey.get(`${fundId}:${key}`);
    if (known) return known;
    for (let g = 1; g <= MAX_GENERATIONS; g++) {
      const signer = await this.#generation(fundId, role, g);
      if (accountIdOf(signer) === key) return { signer, generation: g };
    }
    throw new FiscusError('CHAIN_NOT_CONFIGURED', `the ${role} key ${key} of ${fundId} is not in the keyring (generations 1..${MAX_GENERATIONS})`);
  }

  async #generation(fundId: string, role: KeyRole, g: number): Promise<Signer> {
    const signer = await this.keys.signer(fundId, keyringRole(role, g));
    this.#byKey.set(`${fundId}:${accountIdOf(signer)}`, { signer, generation: g });
    return signer;
  }
}

export function requireRoles(d: StellarDeployment): RoleAccounts {
  if (!d.roles) throw new FiscusError('CAPABILITY_UNSUPPORTED', `fund ${d.fundId} was deployed on Stellar without role keys: one issuer key signs everything`);
  return d.roles;
}

/**
 * The rotation's operations, all in one transaction the admin signs: the role account takes the
 * new key and drops the old one (its master weight to 0 when the old key is the account's own),
 * and the issuer moves the role's weight from the old key to the new one.
 */
export function rotationOps(d: StellarDeployment, op: KeyRotationOperation, oldKey: string): xdr.Operation[] {
  const roles = requireRoles(d);
  const source = roles[op.role];
  const ops = [
    Operation.setOptions({ source, signer: { ed25519PublicKey: op.newAddress, weight: ROLE_KEY_WEIGHT } }),
    oldKey === source ? Operation.setOptions({ source, masterWeight: 0 }) : Operation.setOptions({ source, signer: { ed25519PublicKey: oldKey, weight: 0 } }),
  ];
  if (op.role === 'oracle') return ops;
  return [
    ...ops,
    Operation.setOptions({ signer: { ed25519PublicKey: op.newAddress, weight: ISSUER_WEIGHT[op.role] } }),
    Operation.setOptions({ signer: { ed25519PublicKey: oldKey, weight: 0 } }),
  ];
}
