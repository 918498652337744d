import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transaction, getAddress } from 'ethers';
import { anvilRpc } from '../anvil/rpc.ts';
import { DEPLOYER_ALLOW_LIST, ROLE, TX_ALLOW_LIST } from './precompiles.ts';

/**
 * The checks Subnet-EVM makes OUTSIDE the precompiles, which a contract on anvil cannot make:
 * - txpool/validation.go: a sender without a TxAllowList role is refused with
 *   "cannot issue transaction from non-allow listed address: <addr>";
 * - params/hooks_libevm.go CanCreateContract: an origin without a ContractDeployerAllowList role
 *   cannot create a contract: "tx.origin <addr> is not authorized to deploy a contract".
 * Everything else is proxied to anvil unchanged. Messages are Subnet-EVM's, with EIP-55
 * addresses as Go's common.Address prints them.
 */
export interface GateOptions {
  upstream: string;
  port?: number;
  /** Whether each list is configured in the genesis (an unconfigured precompile checks nothing). */
  txAllowList: boolean;
  deployerAllowList: boolean;
}

export interface Gate {
  readonly url: string;
  /** How many requests the gate refused (tests and the bench read it). */
  readonly rejected: number;
  close(): Promise<void>;
}

interface RpcRequest {
  jsonrpc?: string;
  id?: unknown;
  method: string;
  params?: unknown[];
}

export const notAllowListed = (a: string) => `cannot issue transaction from non-allow listed address: ${getAddress(a)}`;
export const notAllowedDeployer = (a: string) => `tx.origin ${getAddress(a)} is not authorized to deploy a contract`;

export async function startGate(o: GateOptions): Promise<Gate> {
  let rejected = 0;
  const role = async (list: string, a: string) =>
    BigInt(await anvilRpc<string>(o.upstream, 'eth_getStorageAt', [list, `0x${a.toLowerCase().slice(2).padStart(64, '0')}`, 'latest']));

  /** The refusal message for a transaction, or null when Subnet-EVM would let it through. */
  async function refusal(from: string, isCreate: boolean): Promise<string | null> {
    if (o.txAllowList && (await role(TX_ALLOW_LIST, from)) === ROLE.None) return notAllowListed(from);
    if (isCreate && o.deployerAllowList && (await role(DEPLOYER_ALLOW_LIST, from)) === ROLE.None) return notAllowedDeployer(from);
    return null;
  }

  async function check(req: RpcRequest): Promise<string | null> {
    const p = req.params ?? [];
    if (req.method === 'eth_sendRawTransaction') {
      const tx = Transaction.from(String(p[0]));
      // A re-broadcast of a transaction the node already has must get the node's own answer
      // ("already known" / "nonce too low"), even if its sender lost its role since.
      if (await anvilRpc(o.upstream, 'eth_getTransactionByHash', [tx.hash])) return null;
      return refusal(tx.from!, tx.to === null);
    }
    if (req.method === 'eth_sendTransaction') {
      const t = p[0] as { from: string; to?: string | null };
      return refusal(t.from, !t.to);
    }
    // Gas estimation runs the EVM, where CanCreateContract fails a creation by a non-deployer.
    if (req.method === 'eth_estimateGas') {
      const t = p[0] as { from?: string; to?: string | null };
      if (!t.to && t.from && o.deployerAllowList && (await role(DEPLOYER_ALLOW_LIST, t.from)) === ROLE.None) return notAllowedDeployer(t.from);
    }
    return null;
  }

  async function handle(req: RpcRequest): Promise<unknown> {
    let message: string | null;
    try {
      message = await check(req);
    } catch (e) {
      return { jsonrpc: '2.0', id: req.id ?? null, error: { code: -32602, message: `invalid request: ${(e as Error).message}` } };
    }
    if (message) {
      rejected++;
      return { jsonrpc: '2.0', id: req.id ?? null, error: { code: -32000, message } };
    }
    const res = await fetch(o.upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) });
    return res.json();
  }

  const server = http.createServer(async (req, res) => {
    try {
      let body = '';
      for await (const chunk of req) body += chunk;
      const parsed = JSON.parse(body) as RpcRequest | RpcRequest[];
      const answer = Array.isArray(parsed) ? await Promise.all(parsed.map(handle)) : await handle(parsed);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    } catch (e) {
      // Upstream down or unparsable body: answer like a node would, never hang the client.
      res.writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32603, message: String((e as Error).message) } }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get rejected() {
      return rejected;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
