import { createRouter } from '../../lib/router.ts';
import * as handlers from './payouts.handlers.ts';
import * as routes from './payouts.routes.ts';

export const payoutsRouter = createRouter().openapi(routes.list, handlers.list).openapi(routes.retry, handlers.retry);
