import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { FiscusError } from '@fiscus/core';
import { SourceRateLimiter } from '../routes/sep8/sep8.rate-limit.ts';
import { problemResponse, toProblem } from './problem.ts';
import type { AppBindings, AppDeps } from './types.ts';

export const DEFAULT_PUBLIC_RATE_PER_MINUTE = 60;

// One limiter per app (createApp builds a deps object per app), so tests and apps never share windows.
const limiters = new WeakMap<AppDeps, SourceRateLimiter>();

/**
 * The client address: the socket's peer, or behind a trusted reverse proxy (FISCUS_TRUST_PROXY)
 * the last X-Forwarded-For entry — the address that proxy saw; earlier entries are the client's
 * own claims and could be forged to dodge the limit.
 */
export function clientAddress(c: Context<AppBindings>, trustProxy: boolean): string {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests: no socket
  }
}

/**
 * Keyless routes (proof of reserves) cost database reads for anyone on the internet: fixed
 * one-minute windows per client address, in this process (several API processes each allow the
 * limit). Over it: 429 TOO_MANY_REQUESTS problem+json with Retry-After (seconds).
 */
export const publicRateLimit: MiddlewareHandler<AppBindings> = async (c, next) => {
  const deps = c.var.deps;
  let limiter = limiters.get(deps);
  if (!limiter) limiters.set(deps, (limiter = new SourceRateLimiter(deps.publicApi?.ratePerMinute ?? DEFAULT_PUBLIC_RATE_PER_MINUTE)));
  const waitMs = limiter.take(clientAddress(c, deps.publicApi?.trustProxy ?? false));
  if (waitMs > 0) {
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    const res = problemResponse(
      c,
      toProblem(
        new FiscusError('TOO_MANY_REQUESTS', `at most ${limiter.perMinute} requests per minute per client on public routes; retry in ${retryAfter} s`, {
          meta: { retryAfterSeconds: retryAfter },
        }),
        c,
      ),
    );
    res.headers.set('Retry-After', String(retryAfter));
    res.headers.set('Access-Control-Allow-Origin', '*');
    return res;
  }
  await next();
  c.header('Access-Control-Allow-Origin', '*');
};
