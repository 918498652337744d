import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../auth/principal.ts';
import { PERMISSIONS } from '../../auth/roles.ts';
import { json, problems, readOnly } from '../../lib/route-kit.ts';

export const SessionSchema = z
  .object({
    keyId: z.string(),
    role: z.enum(ROLES),
    investorId: z.string().nullable().openapi({ description: 'Set for (and only for) investor keys' }),
    permissions: z
      .array(z.enum(Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS, ...(keyof typeof PERMISSIONS)[]]))
      .openapi({ description: 'Every permission the key’s role holds (the role table in the README); a client offers only these' }),
  })
  .openapi('Session');

export const me = createRoute({
  method: 'get',
  path: '/v1/me',
  tags: ['API keys'],
  summary: 'The calling API key: its role and what that role may do',
  ...readOnly('session.read'),
  responses: { 200: json(SessionSchema, 'The caller'), ...problems() },
});

export type MeRoute = typeof me;
