import { createRouter } from '../../lib/router.ts';
import * as handlers from './custody.handlers.ts';
import * as routes from './custody.routes.ts';

export const custodyRouter = createRouter()
  .openapi(routes.purchase, handlers.purchase)
  .openapi(routes.mature, handlers.mature)
  .openapi(routes.roll, handlers.roll)
  .openapi(routes.cashMovement, handlers.cashMovement)
  .openapi(routes.holdings, handlers.holdings)
  .openapi(routes.cash, handlers.cash);
