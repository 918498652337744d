import { Signature, type Wallet } from 'ethers';

/** EIP-2612 `Permit` as FiatToken (and our FiscusUSDC) define it: domain version "2". */
const PERMIT_TYPES = {
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
};

/**
 * The investor's side of a one-transaction subscription: an EIP-712 permit signed off chain by the
 * USDC holder, which `subscribeWithPermit` presents to the token. `name` and `nonce` are the
 * token's (`name()`, `nonces(owner)`); `deadline` is in seconds of chain time.
 */
export async function signUsdcPermit(
  wallet: Wallet,
  p: { token: string; name: string; chainId: bigint; spender: string; value: bigint; nonce: bigint; deadline: bigint },
): Promise<Signature> {
  const domain = { name: p.name, version: '2', chainId: p.chainId, verifyingContract: p.token };
  const message = { owner: wallet.address, spender: p.spender, value: p.value, nonce: p.nonce, deadline: p.deadline };
  return Signature.from(await wallet.signTypedData(domain, PERMIT_TYPES, message));
}
