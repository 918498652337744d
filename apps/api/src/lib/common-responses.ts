import type { RouteConfig } from '@hono/zod-openapi';
import { idempotent } from '../middleware/idempotency.ts';
import { ProblemSchema } from './schemas.ts';

/**
 * The statuses every route of a kind can answer, whatever its own handler does: they come from
 * the middleware in front of it (auth, roles, body limit, media-type gate, idempotency), so they
 * are added here, once, when a route is registered (lib/router.ts) — a new route gets them
 * without anyone remembering. Route files only list what their handler itself can answer.
 */

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED',
  401: 'UNAUTHENTICATED: missing or invalid API key',
  403: 'FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own',
  404: 'NOT_FOUND: unknown id',
  409: 'Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request',
  413: 'PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB)',
  415: 'UNSUPPORTED_MEDIA_TYPE: a body that is not application/json',
  422: 'Well-formed but refused (policy, unconfigured chain, capability, balance)',
  503: 'CHAIN_UNAVAILABLE: a chain could not be reached',
};

const IDEMPOTENCY_ONLY_409 = 'IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request';

export const problemResponse = (status: number, description = PROBLEM_DESCRIPTIONS[status] ?? 'Error') => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

const middlewareOf = (route: RouteConfig): unknown[] => (route.middleware === undefined ? [] : [route.middleware].flat());

/** Does the route run inside the idempotency middleware (so a reused key answers 409)? */
export const isIdempotent = (route: RouteConfig): boolean => middlewareOf(route).includes(idempotent);

const hasJsonBody = (route: RouteConfig): boolean => Boolean(route.request?.body?.content?.['application/json']);

/** Any zod validator in front of the handler (params, query, headers, body) answers 400 problem+json. */
const isValidated = (route: RouteConfig): boolean => {
  const r = route.request;
  return Boolean(r && (r.params || r.query || r.headers || r.cookies || r.body));
};

/** The statuses the middleware in front of this route can answer. */
export function commonStatuses(route: RouteConfig): number[] {
  const out: number[] = [];
  // zod-openapi's own validators and media-type gate, on every route whatever its prefix.
  if (isValidated(route)) out.push(400);
  if (hasJsonBody(route)) out.push(415);
  if (!route.path.startsWith('/v1/')) return out;
  out.push(400, 401, 403);
  // Any body on a mutating method passes the body limit first (hono/body-limit on /v1/*).
  if (MUTATING.has(route.method)) out.push(413);
  if (isIdempotent(route)) out.push(409);
  if (route.path.includes('{')) out.push(404);
  return [...new Set(out)];
}

type Responses = RouteConfig['responses'];

/**
 * The route with every common status documented. A status the route already documents keeps its
 * entry, but a 400 gains problem+json beside its own media type: the validation hook answers so.
 */
export function withCommonResponses<R extends RouteConfig>(route: R): R {
  const responses: Responses = { ...route.responses };
  for (const status of commonStatuses(route)) {
    const existing = responses[status] as { description: string; content?: Record<string, unknown> } | undefined;
    if (existing === undefined) responses[status] = problemResponse(status, status === 409 ? IDEMPOTENCY_ONLY_409 : undefined);
    else if (status === 400 && existing.content && !existing.content['application/problem+json']) {
      responses[status] = { ...existing, content: { ...existing.content, ...problemResponse(400).content } };
    }
  }
  return { ...route, responses };
}
