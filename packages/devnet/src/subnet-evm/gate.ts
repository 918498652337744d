import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transaction, getCreateAddress } from 'ethers';
import { anvilRpc } from '../anvil/rpc.ts';
import { CreateGuard, type CallLike } from './create-guard.ts';
import { directCallRefusal } from './direct-calls.ts';
import { notAllowedDeployer, notAllowListed } from './messages.ts';
import { ROLE, TX_ALLOW_LIST } from './precompiles.ts';
import { readRole } from './roles.ts';
import { submissionRefusal } from './submission.ts';

/**
 * The rules Subnet-EVM applies OUTSIDE the precompiles' own code, which a contract on anvil cannot
 * apply (each cites its upstream file in the module it lives in):
 * - submission (submission.ts): nonce, balance, then the TxAllowList, in the tx pool's order;
 * - contract creation (create-guard.ts): a creation whose tx.origin is off the
 *   ContractDeployerAllowList is mined as failed, top level or inside a contract;
 * - precompile accounts: code 0x01 (and nonce 1, set in the genesis alloc);
 * - a direct eth_call / eth_estimateGas to a precompile answers with its error text (direct-calls.ts).
 * Everything else is proxied to anvil unchanged.
 */
export interface GateOptions {
  upstream: string;
  port?: number;
  /** Whether each list is configured in the genesis (an unconfigured precompile checks nothing). */
  txAllowList: boolean;
  deployerAllowList: boolean;
  /** Addresses of the configured precompiles (their eth_getCode is 0x01, as on a real L1). */
  precompiles?: string[];
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

type Answer = { refuse: string } | { result: unknown } | { forward: RpcRequest; after?: (reply: { error?: unknown }) => Promise<void> };

export { notAllowListed, notAllowedDeployer };

export async function startGate(o: GateOptions): Promise<Gate> {
  let rejected = 0;
  const precompiles = new Set((o.precompiles ?? []).map((a) => a.toLowerCase()));
  const guard = new CreateGuard(o.upstream, o.deployerAllowList, precompiles);

  async function sendRaw(req: RpcRequest): Promise<Answer> {
    const tx = Transaction.from(String(req.params?.[0]));
    const hash = tx.hash!;
    // A transaction the node already has gets the node's own answer ("already known" / "nonce too
    // low"): the engine's idempotent re-send relies on it, even if the sender lost its role since.
    if (await anvilRpc(o.upstream, 'eth_getTransactionByHash', [hash])) return { forward: req };
    const refusal = await submissionRefusal(o.upstream, tx, o.txAllowList);
    if (refusal) return { refuse: refusal };
    if (!(await guard.refuses(tx.from!))) return { forward: req };
    const targets =
      tx.to === null
        ? [getCreateAddress({ from: tx.from!, nonce: tx.nonce }).toLowerCase()]
        : await guard.creations({ from: tx.from!, to: tx.to, data: tx.data, value: `0x${tx.value.toString(16)}`, gas: `0x${tx.gasLimit.toString(16)}` });
    if (!targets.length) return { forward: req };
    await guard.place(hash, targets);
    return { forward: req, after: (reply) => guard.sweep(reply.error ? hash : undefined) };
  }

  async function simulate(req: RpcRequest): Promise<Answer> {
    const [call, block = 'latest', overrides] = (req.params ?? []) as [CallLike, unknown, Record<string, Record<string, unknown>> | undefined];
    if (call.to && precompiles.has(call.to.toLowerCase())) {
      const refusal = await directCallRefusal(o.upstream, call.to, call);
      return refusal ? { refuse: refusal } : { forward: req };
    }
    if (!(await guard.refuses(call.from))) return { forward: req };
    if (!call.to) return { refuse: notAllowedDeployer(call.from ?? '0x0000000000000000000000000000000000000000') };
    // An eth_call without `from` (a plain read) is not traced: it is never a transaction.
    if (!call.from && req.method === 'eth_call') return { forward: req };
    const targets = await guard.creations(call, block, overrides);
    if (!targets.length) return { forward: req };
    return { forward: { ...req, params: [call, block, guard.overrides(targets, overrides)] } };
  }

  async function answer(req: RpcRequest): Promise<Answer> {
    switch (req.method) {
      case 'eth_sendRawTransaction':
        return sendRaw(req);
      case 'eth_sendTransaction': {
        // Unsigned, anvil-signed (dev accounts only): the allow lists are checked, not nonce/balance.
        const t = (req.params?.[0] ?? {}) as { from: string; to?: string | null };
        if (o.txAllowList && (await readRole(o.upstream, TX_ALLOW_LIST, t.from)) === ROLE.None) return { refuse: notAllowListed(t.from) };
        if (!t.to && (await guard.refuses(t.from))) return { refuse: notAllowedDeployer(t.from) };
        return { forward: req };
      }
      case 'eth_call':
      case 'eth_estimateGas':
        return simulate(req);
      case 'eth_getCode': {
        // core/state_processor_ext.go: an activated precompile's account holds the code 0x01.
        const a = String(req.params?.[0] ?? '').toLowerCase();
        return precompiles.has(a) ? { result: '0x01' } : { forward: req };
      }
      default:
        return { forward: req };
    }
  }

  async function handle(req: RpcRequest): Promise<unknown> {
    const id = req.id ?? null;
    let a: Answer;
    try {
      await guard.sweep();
      a = await answer(req);
    } catch (e) {
      return { jsonrpc: '2.0', id, error: { code: -32602, message: `invalid request: ${(e as Error).message}` } };
    }
    if ('refuse' in a) {
      rejected++;
      return { jsonrpc: '2.0', id, error: { code: -32000, message: a.refuse } };
    }
    if ('result' in a) return { jsonrpc: '2.0', id, result: a.result };
    const res = await fetch(o.upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a.forward) });
    const reply = (await res.json()) as { error?: unknown };
    await a.after?.(reply);
    return reply;
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
      res
        .writeHead(200, { 'content-type': 'application/json' })
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
