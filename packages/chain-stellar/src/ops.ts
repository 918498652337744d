import { Operation, type xdr } from '@stellar/stellar-sdk';
import { FiscusError, normalizeAddress, type ChainId, type SingleOperation } from '@fiscus/core';
import { unitsToAmount } from './amounts.ts';
import { assetOf, type StellarDeployment } from './deployment.ts';

/** Stellar's per-transaction operation limit. */
export const MAX_OPS = 100;
/**
 * Core operations per batch: under SEP-8 a mint is three Stellar operations (authorize, pay,
 * back to rest), so 33 always fit the 100-operation limit whatever the deployment.
 */
export const MAX_BATCH = Math.floor(MAX_OPS / 3);

/**
 * One core operation → the issuer's Stellar operations. Freeze keeps the line's liabilities
 * (AUTHORIZED_TO_MAINTAIN_LIABILITIES): payments stop both ways and the holder keeps its offers;
 * deauthorize clears both flags. Burn and forced transfers claw back, which works on frozen lines.
 * A SEP-8 deployment (`d.sep8`) is built by `toSep8Ops` instead.
 */
export function toStellarOps(chain: ChainId, d: StellarDeployment, op: SingleOperation, lines: LineStates = new Map()): xdr.Operation[] {
  if (d.sep8) return toSep8Ops(chain, d, op, lines);
  const { flags, pay, clawback } = builders(chain, d);
  switch (op.kind) {
    case 'authorize':
      // AUTHORIZED alone: on a frozen line this fails op_invalid_state instead of unfreezing it.
      return [flags(op.address, { authorized: true })];
    case 'deauthorize':
      return [flags(op.address, DEAUTHORIZE)];
    case 'freeze':
      if (op.units !== undefined) throw unsupported('partial freeze');
      return [flags(op.address, REST)];
    case 'unfreeze':
      if (op.units !== undefined) throw unsupported('partial unfreeze');
      return [flags(op.address, AUTHORIZE)];
    case 'mint':
      return [pay(op.to, op.units)];
    case 'burn':
      return [clawback(op.from, op.units)];
    case 'forceTransfer':
      // Claw back and re-issue atomically: the supply is unchanged and no holder signature is needed.
      return [clawback(op.from, op.units), pay(op.to, op.units)];
    case 'recover': {
      // Lost wallet → the same investor's new wallet, in ONE transaction signed by the issuer
      // alone: claw the balance back, authorize the new line if it is not yet (a frozen one is
      // left frozen: the payment then fails op_not_authorized rather than silently unfreezing),
      // re-issue the units to it, and deauthorize the lost line so its key can do nothing more.
      const to = normalizeAddress(chain, op.to);
      const authorize = lines.get(to) === 'unauthorized' ? [flags(to, { authorized: true })] : [];
      return [clawback(op.from, op.units), ...authorize, pay(to, op.units), flags(op.from, DEAUTHORIZE)];
    }
    case 'pause':
    case 'unpause':
      throw unsupported(op.kind);
  }
}

/**
 * SEP-8 regulated asset (ecosystem/sep-0008.md, "Transaction Composition"): investor lines REST
 * at AUTHORIZED_TO_MAINTAIN_LIABILITIES, where stellar-core lets them neither send nor receive
 * (PaymentOpFrame / PathPaymentOpFrameBase check isAuthorized, which is the AUTHORIZED flag
 * only). Every payment the platform makes is sandwiched in the same transaction: fully authorize
 * the receiving line, pay, put it back to rest. Only a line that rests is woken: an unauthorized
 * line (never authorized, frozen or deauthorized) is paid as is and fails op_not_authorized,
 * so the sandwich can never unfreeze anyone. Frozen here = both flags cleared (resting already
 * means "maintain liabilities"). Clawbacks need no authorization (ClawbackOpFrame).
 */
function toSep8Ops(chain: ChainId, d: StellarDeployment, op: SingleOperation, lines: LineStates): xdr.Operation[] {
  const { flags, pay, clawback } = builders(chain, d);
  const payWoken = (to: string, units: bigint) => {
    const a = normalizeAddress(chain, to);
    return lines.get(a) === 'maintain' ? [flags(a, AUTHORIZE), pay(a, units), flags(a, REST)] : [pay(a, units)];
  };
  switch (op.kind) {
    case 'authorize':
    case 'unfreeze':
      if (op.kind === 'unfreeze' && op.units !== undefined) throw unsupported('partial unfreeze');
      // MAINTAIN alone (AUTHORIZED left as is, i.e. clear): events.ts tells this "authorized"
      // apart from the end of a sandwich, which clears AUTHORIZED explicitly.
      return [flags(op.address, { authorizedToMaintainLiabilities: true })];
    case 'deauthorize':
      return [flags(op.address, DEAUTHORIZE)];
    case 'freeze':
      if (op.units !== undefined) throw unsupported('partial freeze');
      return [flags(op.address, DEAUTHORIZE)];
    case 'mint':
      return payWoken(op.to, op.units);
    case 'burn':
      return [clawback(op.from, op.units)];
    case 'forceTransfer':
      return [clawback(op.from, op.units), ...payWoken(op.to, op.units)];
    case 'recover': {
      // The new wallet is woken from rest, or authorized for this payment and left at rest when
      // it was never authorized; the lost line is deauthorized.
      const to = normalizeAddress(chain, op.to);
      const wake = lines.get(to) === 'maintain' || lines.get(to) === 'unauthorized';
      const paid = wake ? [flags(to, AUTHORIZE), pay(to, op.units), flags(to, REST)] : [pay(to, op.units)];
      return [clawback(op.from, op.units), ...paid, flags(op.from, DEAUTHORIZE)];
    }
    case 'pause':
    case 'unpause':
      throw unsupported(op.kind);
  }
}

type Flags = { authorized?: boolean; authorizedToMaintainLiabilities?: boolean };
const AUTHORIZE: Flags = { authorized: true, authorizedToMaintainLiabilities: false };
/** AUTHORIZED_TO_MAINTAIN_LIABILITIES: a plain deployment's freeze, a SEP-8 deployment's resting state. */
const REST: Flags = { authorized: false, authorizedToMaintainLiabilities: true };
const DEAUTHORIZE: Flags = { authorized: false, authorizedToMaintainLiabilities: false };

/** The issuer's operation builders for one deployment (stellar-core: both flags set at once is malformed, so each names both). */
export function builders(chain: ChainId, d: StellarDeployment) {
  const asset = assetOf(d);
  const addr = (a: string) => normalizeAddress(chain, a);
  const amount = (units: bigint) => unitsToAmount(units, d.decimals);
  return {
    flags: (trustor: string, f: Flags) => Operation.setTrustLineFlags({ trustor: addr(trustor), asset, flags: f }),
    /** The same, sourced by the issuer explicitly: for transactions whose source is an investor (SEP-8 approvals). */
    issuerFlags: (trustor: string, f: Flags) => Operation.setTrustLineFlags({ trustor: addr(trustor), asset, flags: f, source: d.issuer }),
    pay: (to: string, units: bigint) => Operation.payment({ destination: addr(to), asset, amount: amount(units) }),
    clawback: (from: string, units: bigint) => Operation.clawback({ from: addr(from), asset, amount: amount(units) }),
    authorize: AUTHORIZE,
    rest: REST,
  };
}

/** Authorization state of the trustlines an operation touches, read before building it. */
export type LineState = 'missing' | 'unauthorized' | 'authorized' | 'maintain';
export type LineStates = ReadonlyMap<string, LineState>;

/**
 * Addresses whose line state decides the operations built: the recovery's new wallet, and on a
 * SEP-8 deployment every line the issuer pays (resting lines are woken for the payment).
 */
export function linesToRead(chain: ChainId, ops: SingleOperation[], d?: StellarDeployment): string[] {
  const paid = (o: SingleOperation): string[] => {
    if (o.kind === 'recover') return [o.to];
    if (!d?.sep8) return [];
    return o.kind === 'mint' || o.kind === 'forceTransfer' ? [o.to] : [];
  };
  return [...new Set(ops.flatMap((o) => paid(o).map((a) => normalizeAddress(chain, a))))];
}

const unsupported = (what: string) => new FiscusError('CAPABILITY_UNSUPPORTED', `Stellar classic assets have no ${what}`, { meta: { chain: 'stellar' } });

export function describe(op: SingleOperation): string {
  switch (op.kind) {
    case 'mint':
      return `mint ${op.units} → ${op.to}`;
    case 'burn':
      return `burn ${op.units} ← ${op.from}`;
    case 'forceTransfer':
      return `forceTransfer ${op.units} ${op.from} → ${op.to}`;
    case 'recover':
      return `recover ${op.units} ${op.from} → ${op.to}`;
    case 'pause':
    case 'unpause':
      return op.kind;
    default:
      return `${op.kind} ${op.address}`;
  }
}
