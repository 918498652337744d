import { createRouter } from '../../lib/router.ts';
import * as handlers from './deployments.handlers.ts';
import * as routes from './deployments.routes.ts';

export const deploymentsRouter = createRouter().openapi(routes.create, handlers.create).openapi(routes.list, handlers.list);
