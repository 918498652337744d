import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { OpenAPIHonoOptions } from '@hono/zod-openapi';
import { FiscusError } from '@fiscus/core';
import type { AppBindings } from './types.ts';
import { problemResponse, toProblem } from './problem.ts';

/** Every error leaves as problem+json; a 5xx is logged with its stack, which the client never sees. */
export const onError: ErrorHandler<AppBindings> = (err, c) => {
  const problem = toProblem(err, c);
  const log = c.get('logger') ?? c.get('deps')?.logger;
  if (problem.status >= 500) log?.error({ err, requestId: problem.requestId }, 'request failed');
  return problemResponse(c, problem);
};

export const notFound: NotFoundHandler<AppBindings> = (c) =>
  problemResponse(c, toProblem(new FiscusError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), c));

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
