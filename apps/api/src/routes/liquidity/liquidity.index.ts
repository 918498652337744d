import { createRouter } from '../../lib/router.ts';
import * as handlers from './liquidity.handlers.ts';
import * as routes from './liquidity.routes.ts';

// listReconciliations before the {chain} routes: "reconciliations" is not a chain id.
export const liquidityRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.listReconciliations, handlers.listReconciliations)
  .openapi(routes.move, handlers.move)
  .openapi(routes.enable, handlers.enable)
  .openapi(routes.reconcile, handlers.reconcile)
  .openapi(routes.getCaps, handlers.getCaps)
  .openapi(routes.setCaps, handlers.setCaps);
