import { id } from 'ethers';
import { isKeyRotationOperation, isOracleOperation, singleOperations, type ChainOperation, type KeyRole } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';

/** The FiscusAgentGate role ids (keccak256 of the names the contract hashes). */
export const GATE_ROLE_IDS = {
  admin: id('fiscus.role.admin'),
  minter: id('fiscus.role.minter'),
  compliance: id('fiscus.role.compliance'),
  oracle: id('fiscus.role.oracle'),
} as const satisfies Record<KeyRole | 'admin', string>;

/**
 * Which role may call each agent function, fixed in the gate's constructor. Minting keys get the
 * supply functions only; everything that restricts holders (freeze, forced transfer, recovery,
 * pause, on/offboarding) is compliance; the NAV feed's writes are the oracle's.
 */
const TABLE: Record<KeyRole, [Iface: keyof typeof abi, fns: string[]][]> = {
  minter: [['token', ['mint', 'burn', 'batchMint', 'batchBurn']]],
  compliance: [
    [
      'token',
      [
        'setAddressFrozen',
        'batchSetAddressFrozen',
        'freezePartialTokens',
        'unfreezePartialTokens',
        'batchFreezePartialTokens',
        'batchUnfreezePartialTokens',
        'forcedTransfer',
        'batchForcedTransfer',
        'recoveryAddress',
        'pause',
        'unpause',
      ],
    ],
    ['onboarder', ['onboard', 'onboardBatch', 'offboard', 'recover']],
  ],
  oracle: [['navFeed', ['publish', 'publishAttestation']]],
};

/** The gate's constructor arguments after the admin: parallel arrays of selectors and role ids. */
export function gateSelectorTable(): { selectors: string[]; roles: string[] } {
  const selectors: string[] = [];
  const roles: string[] = [];
  for (const [role, groups] of Object.entries(TABLE) as [KeyRole, [keyof typeof abi, string[]][]][]) {
    for (const [iface, fns] of groups) {
      for (const fn of fns) {
        selectors.push(abi[iface].getFunction(fn)!.selector);
        roles.push(GATE_ROLE_IDS[role]);
      }
    }
  }
  return { selectors, roles };
}

/** The key an operation is signed with: supply changes by the minter, oracle writes by the oracle, rotations by the admin. */
export function roleOfOperation(op: ChainOperation): KeyRole | 'admin' {
  if (isKeyRotationOperation(op)) return 'admin';
  if (isOracleOperation(op)) return 'oracle';
  const items = singleOperations(op);
  return items.every((i) => i.kind === 'mint' || i.kind === 'burn') ? 'minter' : 'compliance';
}

/** gate.execute(target, data): how every role operation reaches the token, onboarder or feed. */
export const throughGate = (gate: string, call: { to: string; data: string }) => ({
  to: gate,
  data: abi.agentGate.encodeFunctionData('execute', [call.to, call.data]),
});
