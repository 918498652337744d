import { createRouter } from '../../lib/router.ts';
import * as handlers from './investors.handlers.ts';
import * as routes from './investors.routes.ts';

export const investorsRouter = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.updateKyc, handlers.updateKyc);
