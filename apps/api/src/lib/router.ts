import { OpenAPIHono } from '@hono/zod-openapi';
import { withCommonResponses } from './common-responses.ts';
import { validationHook } from './errors.ts';
import type { AppBindings, AppOpenAPI } from './types.ts';

/**
 * One router per resource; all share the hook that turns zod failures into problem+json, and
 * every route registered on one gets the statuses its middleware can answer documented
 * (lib/common-responses.ts), so /openapi.json lists every status a route can answer.
 */
export function createRouter(): AppOpenAPI {
  const router = new OpenAPIHono<AppBindings>({ strict: false, defaultHook: validationHook });
  const register = router.openapi;
  router.openapi = ((route, handler, hook) => register(withCommonResponses(route), handler, hook)) as typeof register;
  return router;
}
