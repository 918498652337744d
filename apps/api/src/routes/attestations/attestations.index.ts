import { createRouter } from '../../lib/router.ts';
import * as handlers from './attestations.handlers.ts';
import * as routes from './attestations.routes.ts';

export const attestationsRouter = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.latest, handlers.latest)
  .openapi(routes.history, handlers.history)
  .openapi(routes.keys, handlers.keys);
