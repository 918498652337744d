import { createRouter } from '../../lib/router.ts';
import * as handlers from './reconciliations.handlers.ts';
import * as routes from './reconciliations.routes.ts';

export const reconciliationsRouter = createRouter().openapi(routes.run, handlers.run).openapi(routes.list, handlers.list).openapi(routes.get, handlers.get);
