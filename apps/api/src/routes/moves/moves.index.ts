import { createRouter } from '../../lib/router.ts';
import * as handlers from './moves.handlers.ts';
import * as routes from './moves.routes.ts';

export const movesRouter = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.resolve, handlers.resolve)
  .openapi(routes.putLimits, handlers.putLimits)
  .openapi(routes.getLimits, handlers.getLimits)
  .openapi(routes.pause, handlers.pause)
  .openapi(routes.unpause, handlers.unpause)
  .openapi(routes.halts, handlers.halts)
  .openapi(routes.clearHalt, handlers.clearHalt);
