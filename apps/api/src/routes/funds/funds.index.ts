import { createRouter } from '../../lib/router.ts';
import * as handlers from './funds.handlers.ts';
import * as routes from './funds.routes.ts';

export const fundsRouter = createRouter()
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.updatePolicy, handlers.updatePolicy);
