import {
  FiscusError,
  isOracleOperation,
  isPayoutOperation,
  normalizeAddress,
  singleOperations,
  type ChainId,
  type ChainOperation,
  type SingleOperation,
} from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { encodeOracle } from './oracle.ts';
import { encodePayout } from '../settlement/payout.ts';

/** Kept as a name for callers; `recover` is now a core operation kind. */
export type EvmOperation = ChainOperation;

import type { EncodedCall } from './encoded-call.ts';
export type { EncodedCall } from './encoded-call.ts';

/** Signed KYC claim for an authorize, produced by the driver (it needs chain reads and the claim key). */
export type ClaimFor = (address: string, investorId: string) => Promise<{ signature: string; data: string }>;

export interface EncodeContext {
  chain: ChainId;
  details: Record<string, string>;
  claimFor: ClaimFor;
}

export const MAX_BATCH = 100;
// Measured on anvil with our three modules (bench/evm.ts: authorize ≈ 0.97 M, mint ≈ 0.41 M,
// batchMint ≈ 0.21 M per holder), rounded up: a fallback
// that is too low burns the nonce on an out-of-gas failure, one too high only reserves gas;
// a full batch (0.6 M + 100 × 0.25 M) still fits a 30 M block gas limit.
const GAS = { authorize: 1_500_000n, single: 600_000n, perItem: 250_000n };
/**
 * An onboarding creates an identity (≈ 0.9 M gas each, bench/evm-onboarding.ts), so a batch of
 * 100 would not fit a 30 M block: authorize batches stop at 20 (20 × 1.5 M fallback = 30 M).
 */
export const MAX_AUTHORIZE_BATCH = 20;

/** Maps an operation (or a homogeneous batch) to one call on the token or the onboarder. */
export async function encodeOperation(op: EvmOperation, ctx: EncodeContext): Promise<EncodedCall> {
  if (isOracleOperation(op)) return encodeOracle(op, ctx.details);
  if (isPayoutOperation(op)) return encodePayout(op, ctx.chain, ctx.details);
  const items = singleOperations(op);
  if (items.length === 0 || items.length > MAX_BATCH) {
    throw new FiscusError('VALIDATION_FAILED', `an EVM transaction carries 1..${MAX_BATCH} operations, got ${items.length}`);
  }
  if (items.length === 1) return encodeSingle(items[0]!, ctx);
  return encodeBatch(items, ctx);
}

const token = (ctx: EncodeContext) => required(ctx.details, 'token');

function required(details: Record<string, string>, key: string): string {
  const v = details[key];
  if (!v) throw new FiscusError('NOT_DEPLOYED', `deployment has no ${key}`);
  return v;
}

async function encodeSingle(op: SingleOperation, ctx: EncodeContext): Promise<EncodedCall> {
  const addr = (a: string) => normalizeAddress(ctx.chain, a);
  const call = (fn: string, args: unknown[]): EncodedCall => ({ to: token(ctx), data: abi.token.encodeFunctionData(fn, args), fallbackGas: GAS.single });
  switch (op.kind) {
    case 'authorize': {
      const wallet = addr(op.address);
      const claim = await ctx.claimFor(wallet, op.investorId);
      const d = ctx.details;
      const data = abi.onboarder.encodeFunctionData('onboard', [
        required(d, 'identityRegistry'),
        wallet,
        op.investorId,
        op.country,
        BigInt(required(d, 'claimTopic')),
        required(d, 'claimIssuer'),
        claim.signature,
        claim.data,
      ]);
      return { to: required(d, 'onboarder'), data, fallbackGas: GAS.authorize };
    }
    case 'deauthorize': {
      const data = abi.onboarder.encodeFunctionData('offboard', [required(ctx.details, 'identityRegistry'), addr(op.address)]);
      return { to: required(ctx.details, 'onboarder'), data, fallbackGas: GAS.single };
    }
    case 'freeze':
    case 'unfreeze':
      if (op.units === undefined) return call('setAddressFrozen', [addr(op.address), op.kind === 'freeze']);
      return call(op.kind === 'freeze' ? 'freezePartialTokens' : 'unfreezePartialTokens', [addr(op.address), units(op.units)]);
    case 'mint':
      return call('mint', [addr(op.to), units(op.units)]);
    case 'burn':
      return call('burn', [addr(op.from), units(op.units)]);
    case 'forceTransfer':
      return call('forcedTransfer', [addr(op.from), addr(op.to), units(op.units)]);
    case 'recover': {
      // Lost wallet → new wallet (T-REX recoveryAddress: balance, frozen state and registration
      // move); the onboarder first makes the new wallet a management key of the identity.
      // `units` is for the books: the token always moves the whole balance.
      const d = ctx.details;
      const data = abi.onboarder.encodeFunctionData('recover', [token(ctx), required(d, 'identityRegistry'), addr(op.from), addr(op.to)]);
      return { to: required(d, 'onboarder'), data, fallbackGas: GAS.authorize };
    }
    case 'pause':
    case 'unpause':
      return call(op.kind, []);
  }
}

/** T-REX batch functions take parallel arrays of one kind; mixed batches have no single call. */
async function encodeBatch(items: SingleOperation[], ctx: EncodeContext): Promise<EncodedCall> {
  const kind = items[0]!.kind;
  const partial = items.some((i) => 'units' in i && i.units !== undefined);
  if (items.some((i) => i.kind !== kind || ('units' in i && i.units !== undefined) !== partial)) {
    throw new FiscusError('VALIDATION_FAILED', 'an EVM batch must hold operations of one kind');
  }
  const addr = (a: string) => normalizeAddress(ctx.chain, a);
  const gas = GAS.single + GAS.perItem * BigInt(items.length);
  const call = (fn: string, args: unknown[]): EncodedCall => ({ to: token(ctx), data: abi.token.encodeFunctionData(fn, args), fallbackGas: gas });
  // Every item has `kind` (checked above); the parameter only selects the element type.
  const pick = <K extends SingleOperation['kind']>(_kind: K) => items as Extract<SingleOperation, { kind: K }>[];
  switch (kind) {
    case 'mint':
      return call('batchMint', [pick('mint').map((i) => addr(i.to)), pick('mint').map((i) => units(i.units))]);
    case 'burn':
      return call('batchBurn', [pick('burn').map((i) => addr(i.from)), pick('burn').map((i) => units(i.units))]);
    case 'forceTransfer': {
      const xs = pick('forceTransfer');
      return call('batchForcedTransfer', [xs.map((i) => addr(i.from)), xs.map((i) => addr(i.to)), xs.map((i) => units(i.units))]);
    }
    case 'freeze':
    case 'unfreeze': {
      const xs = items as Extract<SingleOperation, { kind: 'freeze' | 'unfreeze' }>[];
      if (!partial) return call('batchSetAddressFrozen', [xs.map((i) => addr(i.address)), xs.map(() => kind === 'freeze')]);
      return call(kind === 'freeze' ? 'batchFreezePartialTokens' : 'batchUnfreezePartialTokens', [
        xs.map((i) => addr(i.address)),
        xs.map((i) => units(i.units!)),
      ]);
    }
    case 'authorize': {
      const xs = pick('authorize');
      if (xs.length > MAX_AUTHORIZE_BATCH) {
        throw new FiscusError('VALIDATION_FAILED', `an EVM authorize batch carries at most ${MAX_AUTHORIZE_BATCH} wallets, got ${xs.length}`, {
          meta: { maxBatch: MAX_AUTHORIZE_BATCH },
        });
      }
      const d = ctx.details;
      // Sequential: claims of two wallets of one new investor name the same (predicted) identity.
      const onboardings = [];
      for (const i of xs) {
        const wallet = addr(i.address);
        const claim = await ctx.claimFor(wallet, i.investorId);
        onboardings.push({ wallet, investorKey: i.investorId, country: i.country, signature: claim.signature, data: claim.data });
      }
      const data = abi.onboarder.encodeFunctionData('onboardBatch', [
        required(d, 'identityRegistry'),
        onboardings,
        BigInt(required(d, 'claimTopic')),
        required(d, 'claimIssuer'),
      ]);
      return { to: required(d, 'onboarder'), data, fallbackGas: GAS.authorize * BigInt(xs.length) };
    }
    default:
      throw new FiscusError('VALIDATION_FAILED', `operations of kind ${kind} cannot be batched on EVM`);
  }
}

function units(u: bigint): bigint {
  if (typeof u !== 'bigint' || u <= 0n) throw new FiscusError('INVALID_AMOUNT', `units must be a positive bigint, got ${String(u)}`);
  return u;
}
