import type { ChainEndpoint } from './types.ts';

export interface ChainHealth {
  status: 'up' | 'down' | 'unknown';
  /** The chain's latest block / ledger height as the endpoint reports it. */
  height: string | null;
  error: string | null;
}

async function fetchJson(url: string, init: RequestInit, timeoutMs: number): Promise<any> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/**
 * One cheap read per protocol: the head of a memchain, Horizon's root (latest ledger), an EVM
 * node's eth_blockNumber. A chain that answers is `up`; one that fails or times out is `down`
 * with the reason (never the URL: a private RPC's URL may carry a provider key).
 */
export async function probeChain(e: ChainEndpoint | undefined, timeoutMs: number): Promise<ChainHealth> {
  if (!e) return { status: 'unknown', height: null, error: null };
  try {
    const base = e.probeUrl.replace(/\/+$/, '');
    if (e.kind === 'memchain') return { status: 'up', height: String((await fetchJson(`${base}/head`, {}, timeoutMs)).height), error: null };
    if (e.kind === 'horizon') {
      const root = await fetchJson(`${base}/`, { headers: { accept: 'application/json' } }, timeoutMs);
      return { status: 'up', height: String(root.history_latest_ledger ?? root.core_latest_ledger ?? ''), error: null };
    }
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] });
    const r = await fetchJson(e.probeUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, timeoutMs);
    if (typeof r.result !== 'string') throw new Error('no eth_blockNumber result');
    return { status: 'up', height: BigInt(r.result).toString(), error: null };
  } catch (err) {
    const message =
      err instanceof Error && err.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : err instanceof Error
          ? err.message.split('\n')[0]!.slice(0, 200)
          : 'unreachable';
    return { status: 'down', height: null, error: message.replace(/https?:\/\/\S+/g, '<url>') };
  }
}
