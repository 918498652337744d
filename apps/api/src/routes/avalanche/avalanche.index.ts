import { createRouter } from '../../lib/router.ts';
import * as handlers from './avalanche.handlers.ts';
import * as routes from './avalanche.routes.ts';

export const avalancheRouter = createRouter().openapi(routes.provision, handlers.provision).openapi(routes.get, handlers.get);
