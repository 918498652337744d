import type { z } from '@hono/zod-openapi';
import { requirePermission, type Permission } from '../auth/roles.ts';
import { idempotent } from '../middleware/idempotency.ts';
import { IdempotencyHeaders, ProblemSchema } from './schemas.ts';

/** Helpers that keep the route definitions short and their docs uniform. */

export const security = [{ bearerAuth: [] }];

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (malformed JSON, wrong types, bad amounts or addresses, missing Idempotency-Key)',
  401: 'Missing or invalid API key',
  403: 'The key’s role may not do this, or the investor is not the key’s own',
  404: 'Unknown id',
  409: 'Conflicts with the current state (or an Idempotency-Key reused for another request)',
  413: 'Body larger than the configured limit',
  422: 'Well-formed but refused (policy, unconfigured chain, capability, balance)',
  503: 'A chain could not be reached',
};

export function problems(...statuses: number[]) {
  const all = [...new Set([400, 401, 403, ...statuses])];
  return Object.fromEntries(
    all.map((s) => [s, { description: PROBLEM_DESCRIPTIONS[s] ?? 'Error', content: { 'application/problem+json': { schema: ProblemSchema } } }]),
  );
}

/** A read: role check only. */
export const readOnly = (permission: Permission) => ({
  security,
  middleware: [requirePermission(permission)],
});

/** A mutation: role check, then the idempotency transaction around validation and handler. */
export const mutation = (permission: Permission) => ({
  security,
  middleware: [requirePermission(permission), idempotent],
});

export { IdempotencyHeaders };
