import { FiscusError, type OracleOperation } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { NAV_FEED_DECIMALS } from '../deploy/nav-feed.ts';

const GAS = 150_000n;

/** publishNav / publishAttestation → one call on the fund's FiscusNavFeed (operator = updater). */
export function encodeOracle(op: OracleOperation, details: Record<string, string>): { to: string; data: string; fallbackGas: bigint } {
  const feed = details.navFeed;
  if (!feed) throw new FiscusError('NOT_DEPLOYED', 'deployment has no navFeed (deploy the fund again to add it)');
  if (op.kind === 'publishNav') {
    if (op.scale > NAV_FEED_DECIMALS) throw new FiscusError('VALIDATION_FAILED', `NAV scale ${op.scale} exceeds the feed's ${NAV_FEED_DECIMALS} decimals`);
    const answer = op.value * 10n ** BigInt(NAV_FEED_DECIMALS - op.scale);
    return { to: feed, data: abi.navFeed.encodeFunctionData('publish', [op.round, answer, op.at]), fallbackGas: GAS };
  }
  if (!/^[0-9a-f]{64}$/.test(op.hash)) throw new FiscusError('VALIDATION_FAILED', 'attestation hash must be 64 lowercase hex chars');
  return { to: feed, data: abi.navFeed.encodeFunctionData('publishAttestation', [`0x${op.hash}`, op.at]), fallbackGas: GAS };
}

export function describeOracle(op: OracleOperation): string {
  return op.kind === 'publishNav' ? `publishNav round ${op.round} = ${op.value}e-${op.scale}` : `publishAttestation ${op.hash.slice(0, 16)}…`;
}
