import type { Transaction } from 'ethers';
import { anvilRpc } from '../anvil/rpc.ts';
import { insufficientFunds, nonceTooLow, notAllowListed } from './messages.ts';
import { ROLE, TX_ALLOW_LIST } from './precompiles.ts';
import { readRole } from './roles.ts';

/**
 * The state checks of subnet-evm's tx pool, in its order (core/txpool/validation.go
 * ValidateTransactionWithState): nonce, then balance (tx.Cost() = gas × fee cap + value), and only
 * then the TxAllowList. So a stranger's first transaction (no coin, no role) is refused for its
 * funds, not for the allow list. Returns the refusal, or null to let anvil take the transaction.
 */
export async function submissionRefusal(upstream: string, tx: Transaction, txAllowList: boolean): Promise<string | null> {
  const from = tx.from!;
  const [nonceHex, balanceHex] = await Promise.all([
    anvilRpc<string>(upstream, 'eth_getTransactionCount', [from, 'latest']),
    anvilRpc<string>(upstream, 'eth_getBalance', [from, 'latest']),
  ]);
  const next = BigInt(nonceHex);
  if (next > BigInt(tx.nonce)) return nonceTooLow(next, BigInt(tx.nonce));
  const balance = BigInt(balanceHex);
  const cost = tx.gasLimit * (tx.maxFeePerGas ?? tx.gasPrice ?? 0n) + tx.value;
  if (balance < cost) return insufficientFunds(balance, cost);
  if (txAllowList && (await readRole(upstream, TX_ALLOW_LIST, from)) === ROLE.None) return notAllowListed(from);
  return null;
}
