import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './errors.ts';
import type { AppBindings, AppOpenAPI } from './types.ts';

/** One router per resource; all share the hook that turns zod failures into problem+json. */
export function createRouter(): AppOpenAPI {
  return new OpenAPIHono<AppBindings>({ strict: false, defaultHook: validationHook });
}
