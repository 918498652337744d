import { createRouter } from '../../lib/router.ts';
import * as handlers from './public-reserves.handlers.ts';
import * as routes from './public-reserves.routes.ts';

export const publicReservesRouter = createRouter()
  .openapi(routes.latest, handlers.latest)
  .openapi(routes.history, handlers.history)
  .openapi(routes.keys, handlers.keys);
