import { createRouter } from '../../lib/router.ts';
import * as handlers from './chains.handlers.ts';
import * as routes from './chains.routes.ts';

export const chainsRouter = createRouter().openapi(routes.list, handlers.list);
