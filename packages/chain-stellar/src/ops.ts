import { Operation, type xdr } from '@stellar/stellar-sdk';
import { FiscusError, normalizeAddress, type ChainId, type SingleOperation } from '@fiscus/core';
import { unitsToAmount } from './amounts.ts';
import { assetOf, type StellarDeployment } from './deployment.ts';

/** Stellar's per-transaction operation limit. */
export const MAX_OPS = 100;

/**
 * One core operation → the issuer's Stellar operations. Freeze keeps the line's liabilities
 * (AUTHORIZED_TO_MAINTAIN_LIABILITIES): payments stop both ways and the holder keeps its offers;
 * deauthorize clears both flags. Burn and forced transfers claw back, which works on frozen lines.
 */
export function toStellarOps(chain: ChainId, d: StellarDeployment, op: SingleOperation, lines: LineStates = new Map()): xdr.Operation[] {
  const asset = assetOf(d);
  const addr = (a: string) => normalizeAddress(chain, a);
  const amount = (units: bigint) => unitsToAmount(units, d.decimals);
  const flags = (trustor: string, f: { authorized?: boolean; authorizedToMaintainLiabilities?: boolean }) =>
    Operation.setTrustLineFlags({ trustor: addr(trustor), asset, flags: f });
  switch (op.kind) {
    case 'authorize':
      return [flags(op.address, { authorized: true })];
    case 'deauthorize':
      return [flags(op.address, { authorized: false, authorizedToMaintainLiabilities: false })];
    case 'freeze':
      if (op.units !== undefined) throw unsupported('partial freeze');
      return [flags(op.address, { authorized: false, authorizedToMaintainLiabilities: true })];
    case 'unfreeze':
      if (op.units !== undefined) throw unsupported('partial unfreeze');
      return [flags(op.address, { authorized: true, authorizedToMaintainLiabilities: false })];
    case 'mint':
      return [Operation.payment({ destination: addr(op.to), asset, amount: amount(op.units) })];
    case 'burn':
      return [Operation.clawback({ from: addr(op.from), asset, amount: amount(op.units) })];
    case 'forceTransfer':
      // Claw back and re-issue atomically: the supply is unchanged and no holder signature is needed.
      return [
        Operation.clawback({ from: addr(op.from), asset, amount: amount(op.units) }),
        Operation.payment({ destination: addr(op.to), asset, amount: amount(op.units) }),
      ];
    case 'recover': {
      // Lost wallet → the same investor's new wallet, in ONE transaction signed by the issuer
      // alone: claw the balance back, authorize the new line if it is not yet (a frozen one is
      // left frozen: the payment then fails op_not_authorized rather than silently unfreezing),
      // re-issue the units to it, and deauthorize the lost line so its key can do nothing more.
      const to = addr(op.to);
      const authorize = lines.get(to) === 'unauthorized' ? [flags(to, { authorized: true })] : [];
      return [
        Operation.clawback({ from: addr(op.from), asset, amount: amount(op.units) }),
        ...authorize,
        Operation.payment({ destination: to, asset, amount: amount(op.units) }),
        flags(op.from, { authorized: false, authorizedToMaintainLiabilities: false }),
      ];
    }
    case 'pause':
    case 'unpause':
      throw unsupported(op.kind);
  }
}

/** Authorization state of the trustlines an operation touches, read before building it. */
export type LineState = 'missing' | 'unauthorized' | 'authorized' | 'frozen';
export type LineStates = ReadonlyMap<string, LineState>;

/** Addresses whose line state decides the operations built (the recovery's new wallet). */
export function linesToRead(chain: ChainId, ops: SingleOperation[]): string[] {
  return [...new Set(ops.flatMap((o) => (o.kind === 'recover' ? [normalizeAddress(chain, o.to)] : [])))];
}

const unsupported = (what: string) =>
  new FiscusError('CAPABILITY_UNSUPPORTED', `Stellar classic assets have no ${what}`, { meta: { chain: 'stellar' } });

export function describe(op: SingleOperation): string {
  switch (op.kind) {
    case 'mint': return `mint ${op.units} → ${op.to}`;
    case 'burn': return `burn ${op.units} ← ${op.from}`;
    case 'forceTransfer': return `forceTransfer ${op.units} ${op.from} → ${op.to}`;
    case 'recover': return `recover ${op.units} ${op.from} → ${op.to}`;
    case 'pause': case 'unpause': return op.kind;
    default: return `${op.kind} ${op.address}`;
  }
}
