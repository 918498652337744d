import { isOracleOperation, singleOperations, type SingleOperation } from '@fiscus/core';
import type { EvmOperation } from './encode.ts';
import { describeOracle } from './oracle.ts';

function one(op: SingleOperation): string {
  switch (op.kind) {
    case 'authorize':
      return `authorize ${op.address} (investor ${op.investorId}, country ${op.country})`;
    case 'deauthorize':
      return `deauthorize ${op.address}`;
    case 'freeze':
    case 'unfreeze':
      return `${op.kind} ${op.address}${op.units === undefined ? '' : ` ${op.units} units`}`;
    case 'mint':
      return `mint ${op.units} to ${op.to}`;
    case 'burn':
      return `burn ${op.units} from ${op.from}`;
    case 'forceTransfer':
      return `forceTransfer ${op.units} ${op.from} → ${op.to}`;
    case 'recover':
      return `recover ${op.units} ${op.from} → ${op.to}`;
    case 'pause':
    case 'unpause':
      return op.kind;
  }
}

/** Human description stored with the prepared transaction (logs, operation resource). */
export function describeOperation(op: EvmOperation): string {
  if (isOracleOperation(op)) return describeOracle(op);
  if (op.kind === 'payout') return `payout ${op.usd} micro-USD → ${op.to}`;
  if (op.kind === 'rotateKey') return `rotateKey ${op.role} → ${op.newAddress}`;
  const items = singleOperations(op);
  return op.kind === 'batch' ? `batch of ${items.length}: ${items.slice(0, 3).map(one).join('; ')}${items.length > 3 ? '; …' : ''}` : one(op);
}
