import { httpJson, TransportError } from './client.ts';
import { fromWireError, parseMemChainError } from './errors.ts';

/**
 * One memchain API call for reads and deploy: transport failures (refused, reset, timeout,
 * 5xx) become CHAIN_UNAVAILABLE, 4xx answers their own core code. Submit does not use this:
 * it must answer retryLater rather than throw.
 */
export async function callMemChain(base: string, method: 'GET' | 'POST', path: string, timeoutMs: number, body?: Uint8Array): Promise<any> {
  try {
    const r = await httpJson(base, method, path, timeoutMs, body);
    if (r.status >= 400) throw fromWireError(r.json?.error, r.status);
    return r.json;
  } catch (e) {
    throw e instanceof TransportError ? parseMemChainError(e) : e;
  }
}
