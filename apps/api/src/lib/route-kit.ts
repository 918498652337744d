import type { z } from '@hono/zod-openapi';
import { requirePermission, type Permission } from '../auth/roles.ts';
import { idempotent } from '../middleware/idempotency.ts';
import { problemResponse } from './common-responses.ts';
import { IdempotencyHeaders } from './schemas.ts';

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

/**
 * The statuses the handler itself can answer. 400/401/403 always; 404, 409 (idempotency), 413
 * and 415 where the route's shape implies them are added at registration (common-responses.ts).
 */
export function problems(...statuses: number[]) {
  const all = [...new Set([400, 401, 403, ...statuses])];
  return Object.fromEntries(all.map((s) => [s, problemResponse(s)]));
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
