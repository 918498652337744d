import { createRouter } from '../../lib/router.ts';
import * as handlers from './cap-table.handlers.ts';
import * as routes from './cap-table.routes.ts';

export const capTableRouter = createRouter().openapi(routes.capTable, handlers.capTable).openapi(routes.holderCount, handlers.holderCount);
