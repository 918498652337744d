import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface RpcRequest {
  jsonrpc: '2.0';
  id: number | string | null;
  method: string;
  params?: unknown[];
}

/**
 * A JSON-RPC proxy on 127.0.0.1 in front of anvil, standing for what real RPC endpoints do that
 * anvil does not: a load-balanced endpoint whose lagging backend answers `null` for a receipt or
 * a transaction the chain holds (`lagging`), and a way to count what the driver asks (`calls`).
 * Everything else is forwarded unchanged.
 */
export class RpcProxy {
  /** Methods answered `null` as a backend that has not seen the block yet would. */
  readonly lagging = new Set<string>();
  /** Every request forwarded or answered, in order. */
  readonly calls: { method: string; params: unknown[] }[] = [];
  /**
   * Caps real providers put on eth_getLogs, refused with their error (Infura's -32005):
   * a block range wider than `maxLogRange`, an answer with more than `maxLogs` logs.
   */
  readonly logLimits: { maxLogRange?: bigint; maxLogs?: number } = {};
  /** eth_getLogs calls refused under `logLimits`. */
  refusedLogCalls = 0;
  /** Logs returned by every eth_getLogs answered so far. */
  logsReturned = 0;
  readonly #server: Server;
  readonly #upstream: string;

  private constructor(server: Server, upstream: string) {
    this.#server = server;
    this.#upstream = upstream;
  }

  static async start(upstream: string): Promise<RpcProxy> {
    let proxy: RpcProxy | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void proxy!.#answer(Buffer.concat(chunks).toString('utf8')).then(
          (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
          (e: unknown) => res.writeHead(502).end(String(e)),
        );
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    proxy = new RpcProxy(server, upstream);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** eth_getLogs ranges asked since `from` (an index into `calls`), as [fromBlock, toBlock]. */
  logRanges(from = 0): [bigint, bigint][] {
    return this.calls
      .slice(from)
      .filter((c) => c.method === 'eth_getLogs')
      .map((c) => {
        const f = c.params[0] as { fromBlock: string; toBlock: string };
        return [BigInt(f.fromBlock), BigInt(f.toBlock)];
      });
  }

  async #answer(body: string): Promise<string> {
    const parsed = JSON.parse(body) as RpcRequest | RpcRequest[];
    const requests = Array.isArray(parsed) ? parsed : [parsed];
    const answers = await Promise.all(requests.map((r) => this.#one(r)));
    return JSON.stringify(Array.isArray(parsed) ? answers : answers[0]);
  }

  async #one(r: RpcRequest): Promise<unknown> {
    this.calls.push({ method: r.method, params: r.params ?? [] });
    if (this.lagging.has(r.method)) return { jsonrpc: '2.0', id: r.id, result: null };
    const refuse = (message: string) => {
      this.refusedLogCalls++;
      return { jsonrpc: '2.0', id: r.id, error: { code: -32_005, message } };
    };
    if (r.method === 'eth_getLogs' && this.logLimits.maxLogRange !== undefined) {
      const f = (r.params as { fromBlock: string; toBlock: string }[])[0]!;
      const span = BigInt(f.toBlock) - BigInt(f.fromBlock) + 1n;
      if (span > this.logLimits.maxLogRange) return refuse(`block range is too wide (${span} > ${this.logLimits.maxLogRange})`);
    }
    const res = await fetch(this.#upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) });
    const answer = (await res.json()) as { result?: unknown };
    if (r.method === 'eth_getLogs' && Array.isArray(answer.result)) {
      if (this.logLimits.maxLogs !== undefined && answer.result.length > this.logLimits.maxLogs) {
        return refuse(`query returned more than ${this.logLimits.maxLogs} results`);
      }
      this.logsReturned += answer.result.length;
    }
    return answer;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((ok) => this.#server.close(() => ok()));
  }
}
