import {
  normalizeAddress,
  singleOperations,
  isKeyRotationOperation,
  isOracleOperation,
  isPayoutOperation,
  type ChainId,
  type ChainOperation,
} from '@fiscus/core';

/** What an operation changes on the TxAllowList, besides its ERC-3643 effect. */
export interface AllowListEffect {
  /** Enabled (if None) and topped up; only if still registered in `registry` (if set). */
  grant: string[];
  /** None (if Enabled): Admin/Manager platform signers keep their role. */
  revoke: string[];
  registry?: string;
}

/**
 * authorize → grant; deauthorize and a full freeze → revoke; a full unfreeze → grant back if the
 * wallet is still registered; recover → grant the new wallet, revoke the lost one. Partial
 * freezes and token-only operations leave the list alone. null = no allow-list effect.
 */
export function allowListEffect(op: ChainOperation, chain: ChainId, identityRegistry: string | undefined): AllowListEffect | null {
  // A stablecoin payout moves no units and changes no permission (a recipient needs no role to receive);
  // a key rotation is the agent gate's (token level), signed by the admin.
  if (isOracleOperation(op) || isPayoutOperation(op) || isKeyRotationOperation(op)) return null;
  const a = (x: string) => normalizeAddress(chain, x);
  const e: AllowListEffect = { grant: [], revoke: [] };
  for (const item of singleOperations(op)) {
    switch (item.kind) {
      case 'authorize':
        e.grant.push(a(item.address));
        break;
      case 'unfreeze':
        if (item.units === undefined) e.grant.push(a(item.address));
        break;
      case 'deauthorize':
        e.revoke.push(a(item.address));
        break;
      case 'freeze':
        if (item.units === undefined) e.revoke.push(a(item.address));
        break;
      case 'recover':
        e.revoke.push(a(item.from));
        e.grant.push(a(item.to));
        break;
      default:
        break;
    }
  }
  if (!e.grant.length && !e.revoke.length) return null;
  // A granted wallet must be registered: authorize registers it in the same transaction, an unfreeze
  // of a wallet deauthorized meanwhile must not re-enable it.
  if (e.grant.length) e.registry = identityRegistry;
  return e;
}

/** Onboarder calls (authorize, deauthorize, recover) must go through the gatekeeper, which owns it. */
export const needsGatekeeper = (op: ChainOperation) =>
  !isOracleOperation(op) &&
  !isPayoutOperation(op) &&
  !isKeyRotationOperation(op) &&
  singleOperations(op).some((i) => i.kind === 'authorize' || i.kind === 'deauthorize' || i.kind === 'recover');
