import { createRoute, z } from '@hono/zod-openapi';
import { KEY_ROLES } from '@fiscus/core';
import { json, jsonBody, mutation, problems, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Address, addressByChain, ChainIdString } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';

export const KeyRotationSchema = z
  .strictObject({
    chain: ChainIdString,
    role: z
      .enum(KEY_ROLES)
      .openapi({ description: 'minter: mint and burn; compliance: freeze, forced transfer, recovery, pause, onboarding; oracle: NAV and attestations' }),
    newAddress: Address.optional().openapi({
      description:
        'The key taking the role over. EVM chains: required, the platform must already be configured with it (e.g. EVM_MINTER_NEXT_SIGNER). ' +
        'Stellar: the fund’s role keys come from its keyring, so it may be omitted (the next generation is used); if given it must be that key.',
    }),
  })
  .openapi('KeyRotation', addressByChain('newAddress'));

export const rotateKey = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/key-rotations',
  tags: ['Keys'],
  summary: "Rotate a role's signing key on a chain",
  description:
    'Requests a rotateKey operation: signed by the chain’s admin key, it gives the new key the role and takes it from the old one in one transaction. ' +
    'After it is posted the platform signs the role’s operations with the new key and the chain refuses the old one. On EVM chains the role is the chain’s: every fund on it moves to the new key; on Stellar each fund has its own role keys (funds deployed with STELLAR_ROLE_KEYS).',
  ...mutation('keys.rotate'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(KeyRotationSchema) },
  responses: { 202: json(z.object({ operation: OperationSchema }), 'Rotation requested'), ...problems(404, 409, 422) },
});

export type RotateKeyRoute = typeof rotateKey;
