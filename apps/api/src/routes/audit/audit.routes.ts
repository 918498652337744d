import { createRoute, z } from '@hono/zod-openapi';
import { json, problems, readOnly } from '../../lib/route-kit.ts';
import { Timestamp } from '../../lib/schemas.ts';

const tags = ['Audit'];

export const AuditEntrySchema = z
  .object({
    seq: z.string(),
    at: Timestamp,
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    data: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

export const list = createRoute({
  method: 'get',
  path: '/v1/audit',
  tags,
  summary: 'The hash-chained audit log, in order',
  ...readOnly('audit.read'),
  request: {
    query: z.object({
      afterSeq: z
        .string()
        .regex(/^\d{1,19}$/)
        .optional()
        .openapi({ description: 'Return rows after this sequence number' }),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(AuditEntrySchema), nextAfterSeq: z.string().nullable() }), 'Audit rows'),
    ...problems(),
  },
});

export const verify = createRoute({
  method: 'get',
  path: '/v1/audit/verify',
  tags,
  summary: 'Recompute every hash and link of the audit chain',
  ...readOnly('audit.read'),
  responses: {
    200: json(
      z.object({ ok: z.boolean(), count: z.int(), head: z.string().optional(), brokenAt: z.string().optional(), reason: z.string().optional() }),
      'Verification result',
    ),
    ...problems(),
  },
});

export type ListRoute = typeof list;
export type VerifyRoute = typeof verify;
