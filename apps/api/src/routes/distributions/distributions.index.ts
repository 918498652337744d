import { createRouter } from '../../lib/router.ts';
import * as handlers from './distributions.handlers.ts';
import * as routes from './distributions.routes.ts';

export const distributionsRouter = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.allocations, handlers.allocations)
  .openapi(routes.cancel, handlers.cancel);
