import { createRouter } from '../../lib/router.ts';
import * as handlers from './supply.handlers.ts';
import * as routes from './supply.routes.ts';

export const supplyRouter = createRouter().openapi(routes.get, handlers.get);
