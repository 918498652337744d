import { createRouter } from '../../lib/router.ts';
import * as handlers from './sep8.handlers.ts';
import * as routes from './sep8.routes.ts';

/** A malformed body is a SEP-8 `rejected`, not a problem+json: wallets read `status`. */
const rejectInvalid = (result: { success: boolean; error?: unknown }, c: { json: (b: unknown, s: 400, h: Record<string, string>) => Response }) =>
  result.success
    ? undefined
    : c.json({ status: 'rejected', error: 'the request body must carry a tx parameter (a string)' }, 400, { 'Access-Control-Allow-Origin': '*' });

export const sep8Router = createRouter()
  .openapi(routes.approve, handlers.approve, rejectInvalid as never)
  .openapi(routes.preflight, handlers.preflight);
