import { FiscusError, type ErrorCode } from '@fiscus/core';
import type { MemChain } from './chain.ts';
import type { FaultStep } from './faults.ts';
import { accountView, eventsPage, holdersPage, pageLimit, tokenView, txStatusView, usdcAccountView, usdcView } from './reads.ts';

/**
 * memchain's HTTP API (JSON). The driver is its only production-like client:
 *   GET  /head                              → { chain, height, confirmations }
 *   POST /deploy   raw signed deploy        → { token, admin, created }
 *   POST /tx       raw signed tx            → { result: accepted|duplicate, hash }
 *   GET  /tx/:hash?signer=                  → { status, block?, code?, message?, head, signerNext? }
 *   GET  /accounts/:signer/nonce            → { next }
 *   GET  /tokens/:id                        → token view
 *   GET  /tokens/:id/accounts/:address      → { units, frozenUnits, frozen, authorized }
 *   GET  /tokens/:id/holders?cursor=&limit= → { items, next? }
 *   GET  /tokens/:id/events?cursor=&limit=  → { items, next? }
 *   GET  /usdc                              → { decimals, paused, totalSupply }
 *   GET  /usdc/accounts/:address            → { balance, blacklisted } (address: 0x… or a treasury:<token>)
 * Errors: { error: { code, message, details?, meta? } } with a 4xx status.
 */
export interface Reply {
  status: number;
  body: unknown;
}

export interface Route {
  step: FaultStep;
  handle(body: Uint8Array, query: URLSearchParams): Reply;
}

const ok = (body: unknown): Reply => ({ status: 200, body });

export function resolveRoute(chain: MemChain, confirmations: number, method: string, path: string): Route | undefined {
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  const get = method === 'GET';
  if (get && seg.length === 1 && seg[0] === 'head') {
    return { step: 'read', handle: () => ok({ chain: chain.chain, height: chain.height.toString(), confirmations }) };
  }
  if (method === 'POST' && seg.length === 1 && seg[0] === 'deploy') return { step: 'deploy', handle: (raw) => ok(chain.deploy(raw)) };
  if (method === 'POST' && seg.length === 1 && seg[0] === 'tx') return { step: 'submit', handle: (raw) => ok(chain.submit(raw)) };
  if (get && seg.length === 2 && seg[0] === 'tx') {
    return { step: 'status', handle: (_b, q) => ok(txStatusView(chain, seg[1]!, q.get('signer'))) };
  }
  if (get && seg.length === 3 && seg[0] === 'accounts' && seg[2] === 'nonce') {
    return { step: 'nonce', handle: () => ok({ next: chain.nextNonce(seg[1]!).toString() }) };
  }
  if (get && seg[0] === 'usdc' && seg.length === 1) return { step: 'read', handle: () => ok(usdcView(chain)) };
  if (get && seg[0] === 'usdc' && seg.length === 3 && seg[1] === 'accounts') return { step: 'read', handle: () => ok(usdcAccountView(chain, seg[2]!)) };
  if (!get || seg[0] !== 'tokens' || seg.length < 2) return undefined;
  const id = seg[1]!;
  if (seg.length === 2) return { step: 'read', handle: () => ok(tokenView(chain, id)) };
  if (seg.length === 4 && seg[2] === 'accounts') return { step: 'read', handle: () => ok(accountView(chain, id, seg[3]!)) };
  if (seg.length === 3 && seg[2] === 'holders') {
    return { step: 'read', handle: (_b, q) => ok(holdersPage(chain, id, q.get('cursor'), pageLimit(q.get('limit')))) };
  }
  if (seg.length === 3 && seg[2] === 'events') {
    return { step: 'read', handle: (_b, q) => ok(eventsPage(chain, id, q.get('cursor'), pageLimit(q.get('limit')))) };
  }
  return undefined;
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  NOT_DEPLOYED: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  NONCE_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
};

export function errorReply(e: unknown): Reply {
  const err = e instanceof FiscusError ? e : new FiscusError('INTERNAL', 'memchain internal error');
  const status = err.code === 'INTERNAL' ? 500 : (STATUS_BY_CODE[err.code] ?? 400);
  return { status, body: { error: { code: err.code, message: err.shortMessage, details: err.details, meta: err.meta } } };
}
