import { getAddress } from 'ethers';

/**
 * Subnet-EVM's refusal texts, word for word. Addresses are EIP-55, as Go prints common.Address
 * with %s; amounts are decimal, as Go prints *big.Int.
 */

/** plugin/evm/vmerrors ErrSenderAddressNotAllowListed, wrapped "%w: %s" (core/txpool/validation.go, core/state_transition.go). */
export const notAllowListed = (a: string) => `cannot issue transaction from non-allow listed address: ${getAddress(a)}`;

/** params/hooks_libevm.go CanCreateContract. */
export const notAllowedDeployer = (a: string) => `tx.origin ${getAddress(a)} is not authorized to deploy a contract`;

/** core/txpool/validation.go ValidateTransactionWithState (core.ErrNonceTooLow). */
export const nonceTooLow = (next: bigint, nonce: bigint) => `nonce too low: next nonce ${next}, tx nonce ${nonce}`;

/** core/txpool/validation.go ValidateTransactionWithState (core.ErrInsufficientFunds). */
export const insufficientFunds = (balance: bigint, cost: bigint) =>
  `insufficient funds for gas * price + value: balance ${balance}, tx cost ${cost}, overshot ${cost - balance}`;

/** precompile/allowlist/role.go Role.String. */
export const roleString = (r: bigint) => ['NoRole', 'EnabledRole', 'AdminRole', 'ManagerRole'][Number(r)] ?? 'UnknownRole';

/**
 * precompile/allowlist/allowlist.go createAllowListRoleSetter. Upstream prints the CALLER's
 * address after "modify address:" (and the target's current role after "from role:"); kept as is.
 */
export const cannotModifyAllowList = (caller: string, fromRole: bigint, toRole: bigint) =>
  `cannot modify allow list: modify address: ${getAddress(caller)}, from role: ${roleString(fromRole)}, to role: ${roleString(toRole)}`;

/** precompile/contracts/nativeminter/contract.go mintNativeCoin (ErrCannotMint). */
export const cannotMint = (caller: string) => `non-enabled cannot mint: ${getAddress(caller)}`;
