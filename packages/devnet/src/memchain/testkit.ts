import type { ChainOperation, Deployment, PreparedTx, Signer, TxStatus } from '@fiscus/core';
import { ed25519Signer } from '../keys.ts';
import { newMemAddress } from './codec.ts';
import { MemChainDriver } from './driver/memchain-driver.ts';
import { startMemChain, type MemChainOptions, type MemChainServer } from './server.ts';

/** Test scaffolding shared by memchain's own tests: a server, an admin driver, a deployed fund. */
export interface Kit {
  server: MemChainServer;
  admin: Signer;
  driver: MemChainDriver;
  deployment: Deployment;
  fundId: string;
  /** Prepares with an explicit nonce (default: the chain's next). */
  prepare(op: ChainOperation, nonce?: bigint): Promise<PreparedTx>;
  /** prepare → submit → status (mine-on-submit chains settle at once). */
  send(op: ChainOperation): Promise<{ tx: PreparedTx; status: TxStatus }>;
  /** Authorized fresh address, optionally funded. */
  investor(units?: bigint): Promise<string>;
}

export async function memKit(opts: MemChainOptions & { timeoutMs?: number } = {}): Promise<Kit> {
  const server = await startMemChain(opts);
  const admin = ed25519Signer();
  const driver = new MemChainDriver({ chain: server.chain, url: server.url, signer: admin, timeoutMs: opts.timeoutMs, pageSize: 2 });
  const fundId = `fund-${Math.random().toString(36).slice(2)}`;
  const deployment = await driver.deploy({ id: fundId, name: 'Test Fund', symbol: 'TF', decimals: 6 });
  const signer = driver.signerFor({ kind: 'pause' }, deployment);
  const prepare = async (op: ChainOperation, nonce?: bigint) => driver.prepare(op, { deployment, sequence: nonce ?? (await driver.nextSequence(signer)) });
  const send = async (op: ChainOperation) => {
    const tx = await prepare(op);
    const r = await driver.submit(tx);
    if (r.kind !== 'accepted') throw new Error(`submit: ${JSON.stringify(r)}`);
    return { tx, status: await driver.status(tx) };
  };
  const investor = async (units = 0n) => {
    const address = newMemAddress();
    await send({ kind: 'authorize', address, investorId: 'i', country: 840 });
    if (units > 0n) await send({ kind: 'mint', to: address, units });
    return address;
  };
  return { server, admin, driver, deployment, fundId, prepare, send, investor };
}
