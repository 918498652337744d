import { createRouter } from '../../lib/router.ts';
import * as handlers from './stellar.handlers.ts';
import * as routes from './stellar.routes.ts';

export const stellarRouter = createRouter().openapi(routes.trustlineTransaction, handlers.trustlineTransaction).openapi(routes.feeBump, handlers.feeBump);
