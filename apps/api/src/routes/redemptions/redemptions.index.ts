import { createRouter } from '../../lib/router.ts';
import * as handlers from './redemptions.handlers.ts';
import * as routes from './redemptions.routes.ts';

export const redemptionsRouter = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.confirmPayout, handlers.confirmPayout)
  .openapi(routes.accept, handlers.accept)
  .openapi(routes.getRules, handlers.getRules)
  .openapi(routes.putRules, handlers.putRules);
