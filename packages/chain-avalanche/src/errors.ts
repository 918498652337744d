import { FiscusError, isFiscusError, type ErrorCode } from '@fiscus/core';
import { parseEvmError } from '@fiscus/chain-evm';

/** Subnet-EVM's own refusals (vmerrors, hooks_libevm, allowlist, nativeminter), mapped to core codes. */
const SUBNET_EVM: [RegExp, ErrorCode, string][] = [
  [/cannot issue transaction from non-allow listed address/i, 'NOT_AUTHORIZED_ON_CHAIN', "the sender is not on the L1's transaction allow list"],
  [/is not authorized to deploy a contract/i, 'FORBIDDEN', "the sender is not on the L1's contract deployer allow list"],
  [/cannot modify allow list/i, 'FORBIDDEN', "the caller's allow-list role cannot make this change"],
  [/non-enabled cannot mint/i, 'FORBIDDEN', 'the caller is not enabled on the native minter'],
  // FiscusL1Gatekeeper's own reasons for a precompile that refused it (a refusal returns no data).
  [/Fiscus: TxAllowList refused/i, 'FORBIDDEN', "the gatekeeper may not change the L1's transaction allow list (it must be Manager)"],
  [/Fiscus: NativeMinter refused/i, 'FORBIDDEN', 'the gatekeeper may not mint the gas top-up (it must be Enabled on the native minter)'],
];

const text = (e: unknown) => {
  if (isFiscusError(e)) return [e.message, e.details].join(' | ');
  return parseEvmError(e).details ?? String((e as Error)?.message ?? e);
};

export function parseAvalancheError(e: unknown): FiscusError {
  const t = text(e);
  for (const [re, code, why] of SUBNET_EVM) if (re.test(t)) return new FiscusError(code, why, { details: t, cause: e });
  return parseEvmError(e);
}
