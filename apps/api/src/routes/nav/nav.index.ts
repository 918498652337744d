import { createRouter } from '../../lib/router.ts';
import * as handlers from './nav.handlers.ts';
import * as routes from './nav.routes.ts';

export const navRouter = createRouter()
  .openapi(routes.publish, handlers.publish)
  .openapi(routes.get, handlers.get)
  .openapi(routes.updateGuards, handlers.updateGuards);
