import type { JsonRpcProvider, Wallet } from 'ethers';
import { AdminSender, devSecp256k1Signer, evmAbi } from '../../src/index.ts';
import type { EvmTestDevnet } from './devnet.ts';

/**
 * An investor's own ERC-20 transfer, signed with the investor's key; rejects on revert (the
 * revert reason comes from gas estimation, as a wallet would show it). Sent through AdminSender,
 * which polls for the receipt instead of ethers' block-event wait (see admin-tx.ts).
 */
export async function holderTransfer(
  devnet: EvmTestDevnet,
  provider: JsonRpcProvider,
  token: string,
  wallet: Wallet,
  to: string,
  units: bigint,
): Promise<void> {
  await devnet.fund(wallet.address);
  const sender = new AdminSender(provider, devSecp256k1Signer(wallet.privateKey), devnet.chainId);
  await sender.call(token, evmAbi.token.encodeFunctionData('transfer', [to, units]));
}
