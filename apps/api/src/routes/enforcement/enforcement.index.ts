import { createRouter } from '../../lib/router.ts';
import * as handlers from './enforcement.handlers.ts';
import * as routes from './enforcement.routes.ts';

export const enforcementRouter = createRouter()
  .openapi(routes.freeze, handlers.freeze)
  .openapi(routes.unfreeze, handlers.unfreeze)
  .openapi(routes.forcedTransfer, handlers.forcedTransfer);
