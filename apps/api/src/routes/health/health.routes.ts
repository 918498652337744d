import { createRoute, z } from '@hono/zod-openapi';
import { json, problems } from '../../lib/route-kit.ts';

export const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Liveness and database reachability (no authentication)',
  responses: {
    200: json(z.object({ status: z.literal('ok'), db: z.literal('ok') }), 'Healthy'),
    503: problems(503)[503]!,
  },
});

export type HealthzRoute = typeof healthz;
