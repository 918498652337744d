import { ContractFactory, type JsonRpcProvider, type TransactionReceipt } from 'ethers';
import { FiscusError, type Signer } from '@fiscus/core';
import type { Artifact } from '../contracts/artifacts.ts';
import { eip1559Fees, withMargin } from '../rpc/fees.ts';
import { waitForReceipt } from '../rpc/receipt.ts';
import { parseEvmError } from '../errors.ts';
import { signTransaction, signerAddress } from '../signer/ethereum.ts';

/**
 * Sends admin transactions (infrastructure, fund suites, policy updates) with the ADMIN key and
 * waits for each. These run outside the engine's nonce allocation, which is why they use a key
 * the engine never signs operations with: the operator key's nonces belong to the engine alone.
 */
export class AdminSender {
  readonly address: string;
  /** Tail of the queue: one admin transaction at a time, or two callers would take the same nonce. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly provider: JsonRpcProvider,
    readonly signer: Signer,
    readonly chainId: bigint,
    private readonly timeoutMs = 60_000,
  ) {
    this.address = signerAddress(signer);
  }

  async call(to: string, data: string): Promise<TransactionReceipt> {
    return this.#send({ to, data });
  }

  /** Deploys a contract and returns its address. */
  async deploy(artifact: Artifact, ...args: unknown[]): Promise<string> {
    const factory = new ContractFactory(artifact.abi, artifact.bytecode);
    const tx = await factory.getDeployTransaction(...args);
    const receipt = await this.#send({ data: tx.data });
    if (!receipt.contractAddress) throw new FiscusError('TX_FAILED', 'deployment receipt has no contract address');
    return receipt.contractAddress;
  }

  #send(p: { to?: string; data: string }): Promise<TransactionReceipt> {
    const run = this.#queue.then(() => this.#sendNow(p));
    this.#queue = run.catch(() => undefined); // a failed step must not block the ones after it
    return run;
  }

  async #sendNow(p: { to?: string; data: string }): Promise<TransactionReceipt> {
    let gasLimit: bigint;
    try {
      gasLimit = withMargin(await this.provider.estimateGas({ from: this.address, to: p.to, data: p.data }));
    } catch (e) {
      throw parseEvmError(e); // an admin step that would revert is refused before paying gas
    }
    const nonce = await this.provider.getTransactionCount(this.address, 'pending');
    const fees = await eip1559Fees(this.provider);
    const { raw, hash } = await signTransaction(this.signer, {
      type: 2,
      chainId: this.chainId,
      nonce,
      to: p.to ?? null,
      data: p.data,
      gasLimit,
      ...fees,
    });
    await this.provider.broadcastTransaction(raw);
    const receipt = await waitForReceipt(this.provider, hash, this.timeoutMs);
    if (receipt.status !== 1) throw new FiscusError('TX_FAILED', `admin tx ${hash} reverted`);
    return receipt;
  }
}
