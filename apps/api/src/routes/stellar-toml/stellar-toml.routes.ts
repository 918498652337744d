import { createRoute, z } from '@hono/zod-openapi';
import { problemResponse } from '../../lib/common-responses.ts';

export const get = createRoute({
  method: 'get',
  path: '/.well-known/stellar.toml',
  tags: ['Stellar'],
  summary: 'SEP-1 stellar.toml: the issuer accounts and every regulated fund asset on the configured Stellar network (no authentication)',
  description:
    'Served at the issuers’ home_domain. One [[CURRENCIES]] entry per fund deployed on Stellar, with regulated = true ' +
    '(trustlines need the issuer’s authorization, given after KYC); a fund with `stellarSep8` also carries `approval_server` (its SEP-8 approval server, ' +
    '`/stellar/sep8/{fundId}/tx_approve`) and `approval_criteria`. 404 when no Stellar network is configured.',
  responses: {
    200: { description: 'TOML (text/plain, CORS open as SEP-1 requires)', content: { 'text/plain': { schema: z.string() } } },
    // Typed as content-less so the text/plain handler keeps hono's loose typing; documented as problem+json.
    404: problemResponse(404, 'NOT_FOUND: no Stellar network configured in this process') as { description: string },
  },
});

export type GetRoute = typeof get;
