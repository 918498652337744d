import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen, readBody, send } from '../memchain/server-io.ts';
import { LOCAL_FEE_CONFIG, type FeeConfig } from './fees.ts';
import { METHODS, RpcError } from './rpc.ts';
import { LOCAL_NETWORK_ID, PChainState, type ChainRecord, type Funding, type SubnetRecord } from './state.ts';
import { loadPChainState, savePChainState } from './state-file.ts';
import { parseAddress } from './wire.ts';

export interface PChainOptions {
  networkId?: number;
  fees?: FeeConfig;
  /** Genesis UTXOs: P-Chain addresses ("P-local1…") or 20-byte short ids, with nAVAX amounts. */
  funded?: { address: string | Uint8Array; amount: bigint }[];
  /** Default: an ephemeral port on 127.0.0.1. */
  port?: number;
  /** Keep the chain across restarts (loaded at start, rewritten after every accepted tx). */
  stateFile?: string;
  /** Unix seconds; tests move time to change the fee state. Default: the wall clock. */
  clock?: () => number;
}

export interface PChainServer {
  readonly url: string;
  readonly port: number;
  readonly state: PChainState;
  subnet(id: string): SubnetRecord | undefined;
  chain(id: string): ChainRecord | undefined;
  close(): Promise<void>;
}

// Paths avalanchejs' APIs post to (InfoApi /ext/info, PVMApi /ext/bc/P, AVMApi /ext/bc/X).
const PATHS: Record<string, string> = { '/ext/info': 'info.', '/ext/bc/P': 'platform.', '/ext/P': 'platform.', '/ext/bc/X': 'avm.', '/ext/X': 'avm.' };

export async function startPChain(opts: PChainOptions = {}): Promise<PChainServer> {
  const clock = opts.clock ?? (() => Math.floor(Date.now() / 1000));
  const funding: Funding[] = (opts.funded ?? []).map((f) => ({
    address: typeof f.address === 'string' ? parseAddress(f.address) : f.address,
    amount: f.amount,
  }));
  const state = new PChainState(opts.networkId ?? LOCAL_NETWORK_ID, opts.fees ?? LOCAL_FEE_CONFIG, funding, clock());
  if (opts.stateFile) loadPChainState(opts.stateFile, state);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const prefix = PATHS[new URL(req.url ?? '/', 'http://p').pathname];
    if (req.method !== 'POST' || !prefix) return send(res, 404, { error: `no route ${req.method} ${req.url}` });
    let msg: { id?: unknown; method?: unknown; params?: unknown };
    try {
      msg = JSON.parse(Buffer.from(await readBody(req)).toString('utf8'));
    } catch {
      return send(res, 200, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } });
    }
    const id = msg.id ?? null;
    const method = typeof msg.method === 'string' ? msg.method : '';
    const handler = method.startsWith(prefix) ? METHODS[method] : undefined;
    if (!handler) return send(res, 200, { jsonrpc: '2.0', id, error: { code: -32601, message: `the method ${method} does not exist/is not available` } });
    try {
      const before = state.accepted.length;
      const result = handler(state, (msg.params ?? {}) as Record<string, unknown>, clock());
      // Persist before answering: a tx reported accepted is already on disk.
      if (opts.stateFile && state.accepted.length !== before) savePChainState(opts.stateFile, state);
      send(res, 200, { jsonrpc: '2.0', id, result });
    } catch (e) {
      if (!(e instanceof RpcError)) return send(res, 200, { jsonrpc: '2.0', id, error: { code: -32603, message: `internal error: ${(e as Error).message}` } });
      send(res, 200, { jsonrpc: '2.0', id, error: { code: -32000, message: e.message, data: null } });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await listen(server, opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    subnet: (id) => state.subnets.get(id),
    chain: (id) => state.chains.get(id),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
