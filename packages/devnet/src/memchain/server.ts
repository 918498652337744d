import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FiscusError, parseChainId, type ChainId } from '@fiscus/core';
import { MemChain, type TxRecord } from './chain.ts';
import { Faults, type FaultControl } from './faults.ts';
import { errorReply, resolveRoute } from './routes.ts';
import { listen, readBody, send } from './server-io.ts';
import { loadStateFile, saveStateFile } from './state-file.ts';
import { usdcHolder } from './reads.ts';
import { mintUsdc, usdcBalance } from './usdc.ts';

export interface MemChainOptions {
  /** `memory:<name>`; default `memory:devnet`. */
  chain?: ChainId;
  /** Block interval; 0 (default) mines a block on every submit that has a ready tx. */
  blockMs?: number;
  /** Finality depth reported to clients; default 0 (final once included). */
  confirmations?: number;
  /** Default: an ephemeral port on 127.0.0.1. */
  port?: number;
  /**
   * Persist the chain here: loaded at start if the file exists (an unreadable or unknown-version
   * file fails the start), rewritten atomically after every block, every new deploy and on close.
   * Pending mempool txs are not kept: like a node restart, the engine resends the same bytes.
   */
  stateFile?: string;
}

export interface AppliedTxFilter {
  token?: string;
  signer?: string;
  /** Counts txs containing at least one op of this kind ('holderTransfer' for simulated investor transfers). */
  opKind?: string;
  /** Default 'confirmed': only txs whose ops took effect. */
  status?: 'confirmed' | 'failed';
}

export interface MemChainServer {
  readonly url: string;
  readonly chain: ChainId;
  readonly port: number;
  readonly confirmations: number;
  readonly faults: FaultControl;
  /** The state machine itself, for assertions the accessors below do not cover. */
  readonly state: MemChain;
  head(): bigint;
  mineBlock(): bigint;
  appliedTxCount(filter?: AppliedTxFilter): number;
  txsBySigner(signer: string): TxRecord[];
  /** An investor's own transfer (investors hold no keys on memchain); mined at once; throws FiscusError on failure. */
  holderTransfer(from: string, to: string, units: bigint, token: string): Promise<string>;
  /** Several transfers from one holder in ONE tx (T-REX `batchTransfer`); mined at once; throws FiscusError on failure. */
  holderBatchTransfer(from: string, transfers: { to: string; units: bigint }[], token: string): Promise<string>;
  /** The chain's stablecoin (usdc.ts), driven directly as a devnet: the faucet, FiatToken's blacklist and pause. */
  readonly usdc: MemChainUsdc;
  /** Loses every pending tx, as a node restart would. Returns how many were dropped. */
  dropMempool(): number;
  /** "Node down": stops listening and cuts open connections; resume() listens again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

export interface MemChainUsdc {
  /** Faucet: `amount` base units (6 decimals = micro-dollars) to a memchain address or a fund treasury (`treasury:<token>`). */
  mint(to: string, amount: bigint): void;
  setBlacklisted(address: string, blacklisted: boolean): void;
  setPaused(paused: boolean): void;
  balanceOf(address: string): bigint;
}

function usdcControl(state: MemChain): MemChainUsdc {
  return {
    mint: (to, amount) => {
      mintUsdc(state.usdc, usdcHolder(to), amount);
      state.onCommit?.();
    },
    setBlacklisted: (address, on) => {
      if (on) state.usdc.blacklisted.add(usdcHolder(address));
      else state.usdc.blacklisted.delete(usdcHolder(address));
      state.onCommit?.();
    },
    setPaused: (paused) => {
      state.usdc.paused = paused;
      state.onCommit?.();
    },
    balanceOf: (address) => usdcBalance(state.usdc, usdcHolder(address)),
  };
}

export async function startMemChain(opts: MemChainOptions = {}): Promise<MemChainServer> {
  const chain = opts.chain ?? 'memory:devnet';
  if (parseChainId(chain).namespace !== 'memory') throw new FiscusError('INVALID_CHAIN', `memchain ids are memory:<name>, got ${chain}`);
  const blockMs = opts.blockMs ?? 0;
  const confirmations = opts.confirmations ?? 0;
  const state = new MemChain(chain, blockMs === 0);
  const stateFile = opts.stateFile;
  if (stateFile) {
    loadStateFile(stateFile, state);
    // Synchronous, inside mineBlock/deploy: a tx reported included is already on disk.
    state.onCommit = () => saveStateFile(stateFile, state);
  }
  const faults = new Faults();
  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://memchain');
    const route = resolveRoute(state, confirmations, req.method ?? 'GET', url.pathname);
    if (!route) return send(res, 404, { error: { code: 'NOT_FOUND', message: `no route ${req.method} ${url.pathname}` } });
    const mode = faults.take(route.step);
    if (mode === 'hang') return faults.hang(req, res);
    if (mode === 'fail') {
      req.resume();
      return send(res, 503, { error: { code: 'CHAIN_UNAVAILABLE', message: 'injected fault' } });
    }
    let body: Uint8Array;
    try {
      body = await readBody(req);
    } catch (e) {
      return send(res, 413, errorReply(e).body);
    }
    let reply;
    try {
      reply = route.handle(body, url.searchParams);
    } catch (e) {
      reply = errorReply(e);
    }
    if (mode === 'lose') return void res.socket?.destroy(); // applied, answer lost
    send(res, reply.status, reply.body);
  }

  await listen(server, opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const timer = blockMs > 0 ? setInterval(() => state.mineBlock(), blockMs) : undefined;
  timer?.unref();
  let listening = true;
  let closed = false;

  const stopListening = async () => {
    if (!listening) return;
    listening = false;
    const done = new Promise<void>((resolve) => server.close(() => resolve()));
    faults.releaseHung();
    server.closeAllConnections();
    await done;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    chain,
    port,
    confirmations,
    faults,
    state,
    head: () => state.height,
    mineBlock: () => state.mineBlock(),
    appliedTxCount: (f = {}) =>
      [...state.txs.values()].filter(
        (t) =>
          t.status === (f.status ?? 'confirmed') &&
          (f.token === undefined || t.token === f.token) &&
          (f.signer === undefined || t.signer === f.signer) &&
          (f.opKind === undefined || t.ops.some((op) => op.kind === f.opKind)),
      ).length,
    txsBySigner: (signer) => [...state.txs.values()].filter((t) => t.signer === signer).sort((a, b) => Number((a.nonce ?? 0n) - (b.nonce ?? 0n))),
    holderTransfer: async (from, to, units, token) => state.holderTransfer(from, to, units, token),
    holderBatchTransfer: async (from, transfers, token) => state.holderBatchTransfer(from, transfers, token),
    dropMempool: () => state.dropMempool(),
    usdc: usdcControl(state),
    pause: stopListening,
    resume: async () => {
      if (listening || closed) return;
      await listen(server, port);
      listening = true;
    },
    close: async () => {
      closed = true;
      clearInterval(timer);
      await stopListening();
      if (stateFile) saveStateFile(stateFile, state);
    },
  };
}
