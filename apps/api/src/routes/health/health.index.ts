import { createRouter } from '../../lib/router.ts';
import * as handlers from './health.handlers.ts';
import * as routes from './health.routes.ts';

export const healthRouter = createRouter().openapi(routes.healthz, handlers.healthz).get('/metrics', handlers.metrics);
