import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../auth/principal.ts';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Id, Timestamp } from '../../lib/schemas.ts';

const tags = ['API keys'];

export const ApiKeySchema = z
  .object({
    id: z.string(),
    role: z.string().openapi({ example: 'treasurer' }),
    investorId: z.string().nullable(),
    label: z.string().nullable(),
    createdAt: Timestamp,
    revokedAt: Timestamp.nullable(),
  })
  .openapi('ApiKey');

export const CreateApiKeySchema = z
  .strictObject({
    role: z.enum(ROLES),
    investorId: Id('inv_0193…').optional().openapi({ description: 'Required for (and only for) role investor' }),
    label: z.string().min(1).max(200).optional(),
  })
  .openapi('CreateApiKey', {
    oneOf: [
      { properties: { role: { const: 'investor' } }, required: ['investorId'] },
      { properties: { role: { enum: ROLES.filter((r) => r !== 'investor') } }, not: { required: ['investorId'] } },
    ],
  });

export const create = createRoute({
  method: 'post',
  path: '/v1/api-keys',
  tags,
  summary: 'Create an API key; the secret is in this response only',
  ...mutation('apiKeys.manage'),
  request: { headers: IdempotencyHeaders, body: jsonBody(CreateApiKeySchema) },
  responses: {
    201: json(
      z.object({
        apiKey: ApiKeySchema,
        key: z.string().nullable().openapi({ description: 'fsk_<keyId>_<secret>; shown once (null on an idempotent replay)' }),
        note: z.string().optional(),
      }),
      'The key',
    ),
    ...problems(413, 404),
  },
});

export const list = createRoute({
  method: 'get',
  path: '/v1/api-keys',
  tags,
  summary: 'List API keys (never their secrets)',
  ...readOnly('apiKeys.manage'),
  responses: { 200: json(z.object({ items: z.array(ApiKeySchema) }), 'Keys'), ...problems() },
});

export const revoke = createRoute({
  method: 'delete',
  path: '/v1/api-keys/{keyId}',
  tags,
  summary: 'Revoke an API key (the last active issuer-admin key cannot be revoked)',
  ...mutation('apiKeys.manage'),
  request: { headers: IdempotencyHeaders, params: z.object({ keyId: Id('key_0193…') }) },
  responses: { 200: json(ApiKeySchema, 'The revoked key'), ...problems(413, 404, 409) },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type RevokeRoute = typeof revoke;
