import type { NotFoundHandler } from 'hono';
import { FiscusError } from '@fiscus/core';
import { ProblemError, problemResponse, toProblem } from './problem.ts';
import type { AppBindings, AppOpenAPI } from './types.ts';

/**
 * RFC 9110 §15.5.6: a known path asked with a method it does not serve is 405 with an `Allow`
 * header, not 404 — a client (or a schema-driven tester) must be able to tell "wrong method"
 * from "no such resource". The route table is read once, after every router is mounted.
 */
export function notFoundOrMethodNotAllowed(app: AppOpenAPI): NotFoundHandler<AppBindings> {
  let table: { pattern: RegExp; method: string }[] | undefined;
  const routes = () =>
    (table ??= app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => ({ pattern: toPattern(r.path), method: r.method.toUpperCase() })));

  return (c) => {
    const methods = new Set(
      routes()
        .filter((r) => r.pattern.test(c.req.path))
        .map((r) => r.method),
    );
    if (methods.size === 0) {
      return problemResponse(c, toProblem(new FiscusError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), c));
    }
    if (methods.has('GET')) methods.add('HEAD'); // hono answers HEAD for every GET route
    const allow = [...methods].sort().join(', ');
    const res = problemResponse(
      c,
      toProblem(new ProblemError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allow}`), c),
    );
    res.headers.set('Allow', allow);
    return res;
  };
}

/** '/v1/funds/:fundId' → /^\/v1\/funds\/[^/]+$/ (hono's own params never span a '/'). */
function toPattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}
