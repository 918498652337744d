import { createRouter } from '../../lib/router.ts';
import * as handlers from './operations.handlers.ts';
import * as routes from './operations.routes.ts';

export const operationsRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.approve, handlers.approve)
  .openapi(routes.signatures, handlers.signatures)
  .openapi(routes.sign, handlers.sign);
