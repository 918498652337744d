import type { Context, ErrorHandler } from 'hono';
import type { OpenAPIHonoOptions } from '@hono/zod-openapi';
import { FiscusError } from '@fiscus/core';
import type { AppBindings } from './types.ts';
import { CLIENT_CLOSED_REQUEST, clientAborted } from './client-abort.ts';
import { ProblemError, problemResponse, toProblem } from './problem.ts';

/**
 * Every error leaves as problem+json; a 5xx is logged with its stack, which the client never sees.
 * A client that hung up mid-request is not a server error: it is logged at info and recorded as
 * 499. A 413 closes the connection (and says so): the rest of the oversized body is never read,
 * so the connection cannot carry another request.
 */
export const onError: ErrorHandler<AppBindings> = (err, c) => {
  const log = c.get('logger') ?? c.get('deps')?.logger;
  if (clientAborted(c)) {
    log?.info({ requestId: c.get('requestId') }, 'client closed the connection before sending the whole request');
    return problemResponse(c, toProblem(new ProblemError(CLIENT_CLOSED_REQUEST, 'CLIENT_CLOSED_REQUEST', 'the client closed the connection'), c));
  }
  const problem = toProblem(err, c);
  if (problem.status >= 500) log?.error({ err, requestId: problem.requestId }, 'request failed');
  const res = problemResponse(c, problem);
  if (problem.status === 413) res.headers.set('Connection', 'close');
  return res;
};

interface ZodIssueLike {
  path: PropertyKey[];
  message: string;
}

/** zod failures in params, query, headers or body → one 400 VALIDATION_FAILED naming every path. */
export function validationError(target: string, issues: readonly ZodIssueLike[]): FiscusError {
  const list = issues.map((i) => ({ path: [target, ...i.path.map(String)].join('.'), message: i.message }));
  return new FiscusError('VALIDATION_FAILED', `invalid request ${target}`, {
    details: list.map((i) => `${i.path}: ${i.message}`).join('; '),
    meta: { issues: list },
  });
}

/** The OpenAPIHono defaultHook: throw, so the error handler renders it like every other error. */
export const validationHook: NonNullable<OpenAPIHonoOptions<AppBindings>['defaultHook']> = (result) => {
  if (!result.success) {
    const target = (result as { target?: string }).target ?? 'request';
    throw validationError(target, result.error.issues);
  }
};

export const problemFor = (c: Context, err: unknown) => problemResponse(c, toProblem(err, c));
