import { isAscii } from 'node:buffer';

/**
 * JSON-RPC over fetch, decoded natively (rpcBodyText) + JSON.parse. ethers decodes response
 * bodies with its own JavaScript UTF-8 decoder: a 2.5 MB eth_getLogs answer took 467 ms there
 * against 7 ms here (PITFALLS.md), so bulk reads (logs, batched balances) take this path, and the
 * ethers provider itself decodes with rpcBodyText (provider.ts).
 */
export class RpcError extends Error {
  override readonly name = 'RpcError';
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
    /** HTTP status when the endpoint answered with no JSON-RPC body (a 413, a 503 …). */
    readonly httpStatus?: number,
  ) {
    super(`${method}: ${message} (${code})`);
  }
}

interface Answer<T> {
  id?: number;
  result?: T;
  error?: { code: number; message: string };
}

const decoder = new TextDecoder();
let nextId = 1;

/**
 * A JSON-RPC answer's bytes as text. An ASCII answer (hex quantities: nearly all) is copied as
 * one-byte text; decoding a 100 MB eth_getLogs answer as UTF-8 was a tenth of a cold ingest's CPU.
 */
export function rpcBodyText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isAscii(buffer) ? buffer.toString('latin1') : decoder.decode(buffer);
}

export class RawRpc {
  constructor(
    readonly url: string,
    readonly timeoutMs = 60_000,
  ) {}

  async #post(method: string, body: unknown): Promise<unknown> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = rpcBodyText(new Uint8Array(await res.arrayBuffer()));
    if (!res.ok && !text.startsWith('{') && !text.startsWith('[')) throw new RpcError(method, -32_000, text.slice(0, 200) || res.statusText, res.status);
    try {
      return JSON.parse(text);
    } catch {
      throw new RpcError(method, -32_700, `unparseable answer (HTTP ${res.status}): ${text.slice(0, 200)}`, res.status);
    }
  }

  async call<T>(method: string, params: unknown[]): Promise<T> {
    const a = (await this.#post(method, { jsonrpc: '2.0', id: nextId++, method, params })) as Answer<T>;
    if (a.error) throw new RpcError(method, a.error.code, a.error.message);
    return a.result as T;
  }

  /** One HTTP request carrying several calls (a JSON-RPC batch); answers in request order. */
  async batch<T>(method: string, paramsList: unknown[][]): Promise<T[]> {
    if (paramsList.length === 0) return [];
    const first = nextId;
    nextId += paramsList.length;
    const body = paramsList.map((params, i) => ({ jsonrpc: '2.0', id: first + i, method, params }));
    const answers = (await this.#post(method, body)) as Answer<T>[] | Answer<T>;
    if (!Array.isArray(answers)) throw new RpcError(method, answers.error?.code ?? -32_000, answers.error?.message ?? 'batch refused');
    const byId = new Map(answers.map((a) => [a.id, a]));
    return paramsList.map((_, i) => {
      const a = byId.get(first + i);
      if (!a) throw new RpcError(method, -32_000, `batch answer ${i} missing`);
      if (a.error) throw new RpcError(method, a.error.code, a.error.message);
      return a.result as T;
    });
  }
}
