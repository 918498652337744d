import { Context, pvm, utils, type Utxo } from '@avalabs/avalanchejs';
import { FiscusError } from '@fiscus/core';

/** The P-Chain JSON-RPC calls provisioning makes (a real node's or the devnet stand-in's). */

export type PTxStatus = 'Committed' | 'Aborted' | 'Processing' | 'Dropped' | 'Unknown';

export class PChainClient {
  readonly api: pvm.PVMApi;
  private ctx?: Context.Context;

  constructor(readonly url: string) {
    this.api = new pvm.PVMApi(url);
  }

  async context(): Promise<Context.Context> {
    this.ctx ??= await wrap(() => Context.getContextFromURI(this.url));
    return this.ctx;
  }

  feeState() {
    return wrap(() => this.api.getFeeState());
  }

  async utxos(address: string): Promise<Utxo[]> {
    return (await wrap(() => this.api.getUTXOs({ addresses: [address] }))).utxos;
  }

  async status(txId: string): Promise<{ status: PTxStatus; reason?: string }> {
    const r = await wrap(() => this.api.getTxStatus({ txID: txId }));
    return { status: r.status as PTxStatus, reason: r.reason || undefined };
  }

  /** issueTx; 'duplicate' when the node already has it. Throws TX_REJECTED with the node's reason otherwise. */
  async issue(signedHex: string): Promise<'accepted' | 'duplicate'> {
    try {
      await this.api.issueTx({ tx: utils.bufferToHex(utils.addChecksum(utils.hexToBuffer(signedHex))) });
      return 'accepted';
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/duplicate tx/.test(msg)) return 'duplicate';
      if (isTransport(e)) throw new FiscusError('CHAIN_UNAVAILABLE', `P-Chain ${this.url}: ${msg}`, { cause: e });
      throw new FiscusError('TX_REJECTED', msg, { cause: e });
    }
  }

  subnet(subnetId: string) {
    return wrap(() => this.api.getSubnet({ subnetID: subnetId }));
  }
}

const isTransport = (e: unknown) => e instanceof TypeError || (e instanceof Error && /fetch failed|ECONNREFUSED|ECONNRESET|socket/i.test(e.message));

async function wrap<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (isTransport(e)) throw new FiscusError('CHAIN_UNAVAILABLE', `P-Chain unreachable: ${(e as Error).message}`, { cause: e });
    throw e;
  }
}
