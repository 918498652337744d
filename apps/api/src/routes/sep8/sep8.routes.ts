import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { json } from '../../lib/route-kit.ts';
import { problemResponse } from '../../lib/common-responses.ts';
import { Id } from '../../lib/schemas.ts';
import { Sep8OkSchema, Sep8PendingSchema, Sep8RejectedSchema, Sep8RequestSchema } from './sep8.schemas.ts';

export const SEP8_BODY_LIMIT = 64 * 1024;
const params = z.object({ fundId: Id('fund_0193…') });

export const approve = createRoute({
  method: 'post',
  path: '/stellar/sep8/{fundId}/tx_approve',
  tags: ['Stellar'],
  summary: 'SEP-8 approval server of a fund’s regulated Stellar asset (public: wallets call it, no API key)',
  description:
    'The `approval_server` of the fund’s `[[CURRENCIES]]` entry in stellar.toml (ecosystem/sep-0008.md). POST one `tx` (form-encoded or JSON): a transaction signed by its source ' +
    'whose operations are payments of the fund asset from that source. The fund’s policy is evaluated across every chain for both parties (KYC verified and unexpired, jurisdictions, ' +
    'investor types, lock-up, maximum holding per investor, maximum holders; payments to the redemption address as redemptions). Answers: `revised` (wrapped in the issuer’s ' +
    'authorize / back-to-maintain-liabilities operations, same source and sequence, issuer-signed: sign and submit it), `success` (already composed so: issuer signature added), ' +
    '`pending` (ask again after `timeout` ms), `action_required` (receiver not onboarded: `action_url`), `rejected` (HTTP 400, naming the rule and its numbers). The same ' +
    'transaction always gets the same final answer; rate limited per source account (429 with a `pending` body and Retry-After). CORS open to every origin.',
  middleware: [
    bodyLimit({ maxSize: SEP8_BODY_LIMIT, onError: (c) => c.json({ status: 'rejected', error: `request body exceeds ${SEP8_BODY_LIMIT} bytes` }, 413) }),
  ] as const,
  request: {
    params,
    body: {
      required: false,
      content: { 'application/x-www-form-urlencoded': { schema: Sep8RequestSchema }, 'application/json': { schema: Sep8RequestSchema } },
    },
  },
  responses: {
    200: json(Sep8OkSchema, 'success | revised | pending | action_required'),
    400: json(Sep8RejectedSchema, 'rejected: malformed, foreign or non-compliant transaction'),
    404: problemResponse(404, 'NOT_FOUND: unknown fund, or it has no SEP-8 regulated asset on the configured Stellar network'),
    413: json(Sep8RejectedSchema, 'rejected: body larger than 64 KiB'),
    429: json(Sep8PendingSchema, 'Rate limited per source account: pending with the wait in `timeout` (and Retry-After)'),
  },
});

export const preflight = createRoute({
  method: 'options',
  path: '/stellar/sep8/{fundId}/tx_approve',
  tags: ['Stellar'],
  summary: 'CORS preflight of the SEP-8 approval server',
  request: { params },
  responses: { 204: { description: 'Access-Control-Allow-Origin: *, methods POST and OPTIONS, header Content-Type' } },
});

export type ApproveRoute = typeof approve;
export type PreflightRoute = typeof preflight;
